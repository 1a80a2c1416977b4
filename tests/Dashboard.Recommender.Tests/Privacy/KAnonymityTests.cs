using Dashboard.Recommender.Privacy;

namespace Dashboard.Recommender.Tests.Privacy;

public class KAnonymityTests
{
    // Seven records over (age band, postal prefix): classes of 3, 2, 1 and 1.
    private static readonly string[] Age = ["30–39", "30–39", "30–39", "40–49", "40–49", "40–49", "50–59"];
    private static readonly string[] Postcode = ["750**", "750**", "750**", "750**", "750**", "690**", "690**"];
    private static readonly string?[] Health = ["flu", "asthma", "flu", "flu", "flu", "diabetes", "asthma"];

    [Fact]
    public void Evaluate_KTwo_SuppressesTheSingletonClassesAndReportsTheSmallestKeptClass()
    {
        var result = KAnonymity.Evaluate([Age, Postcode], 2);

        Assert.Equal((2, 4, 2, 7, 2), (result.KAchieved, result.ClassesBeforeSuppression, result.ClassesKept, result.Records, result.Suppressed));
    }

    [Fact]
    public void Evaluate_MarksExactlyTheRecordsOfSmallClassesSuppressed()
    {
        var result = KAnonymity.Evaluate([Age, Postcode], 2);

        Assert.Equal([false, false, false, false, false, true, true], result.IsSuppressed);
    }

    [Fact]
    public void Evaluate_KThree_KeepsOnlyTheClassOfThree()
    {
        var result = KAnonymity.Evaluate([Age, Postcode], 3);

        Assert.Equal((3, 1, 4), (result.KAchieved, result.ClassesKept, result.Suppressed));
    }

    [Fact]
    public void Evaluate_LDiversity_IsTheFewestDistinctSensitiveValuesInAKeptClass()
    {
        // Kept classes: {flu, asthma, flu} → 2 distinct, {flu, flu} → 1 distinct.
        var result = KAnonymity.Evaluate([Age, Postcode], 2, [Health]);

        Assert.Equal([1], result.LDiversity);
    }

    [Fact]
    public void Evaluate_KLargerThanThePopulation_SuppressesEveryoneAndAchievesZero()
    {
        var result = KAnonymity.Evaluate([Age], 8, [Health]);

        Assert.Equal((true, 0, 0, 7, 0), (result.EverythingSuppressed, result.KAchieved, result.ClassesKept, result.Suppressed, result.LDiversity[0]));
    }

    [Fact]
    public void Evaluate_OneAttributeAlone_GroupsByItsValuesOnly()
    {
        var result = KAnonymity.Evaluate([Postcode], 2);

        Assert.Equal((2, 2, 0), (result.KAchieved, result.ClassesKept, result.Suppressed));
    }

    [Fact]
    public void Evaluate_ColumnsOfDifferentLengths_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => KAnonymity.Evaluate([Age, ["750**"]], 2));
    }
}
