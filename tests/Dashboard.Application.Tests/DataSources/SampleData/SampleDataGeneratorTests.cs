using System.ComponentModel.DataAnnotations;
using Dashboard.Application.DataSources.SampleData;

namespace Dashboard.Application.Tests.DataSources.SampleData;

public sealed class SampleDataGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_ProducesIdenticalData()
    {
        var first = SampleDataSets.Small(seed: 5);
        var second = SampleDataSets.Small(seed: 5);

        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void Generate_DifferentSeeds_ProduceDifferentData()
    {
        var first = SampleDataSets.Small(seed: 5);
        var second = SampleDataSets.Small(seed: 6);

        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
    }

    [Theory]
    [InlineData(SampleDataOptions.MinUsers, SampleDataOptions.MinItems, SampleDataOptions.MinInteractions)]
    [InlineData(123, 45, 6_789)]
    [InlineData(2_000, 500, 100_000)]
    public void Generate_ProducesExactlyTheRequestedSizes(int users, int items, int interactions)
    {
        var data = SampleDataSets.Generate(new SampleDataOptions { Users = users, Items = items, Interactions = interactions });

        Assert.Equal((users, items, interactions), (data.Users.Count, data.Items.Count, data.Interactions.Length));
    }

    [Fact]
    public void Generate_InteractionsReferToExistingUsersAndItems()
    {
        var data = SampleDataSets.Small();

        Assert.All(data.Interactions, x =>
        {
            Assert.InRange(x.UserIndex, 0, data.Users.Count - 1);
            Assert.InRange(x.ItemIndex, 0, data.Items.Count - 1);
        });
    }

    [Fact]
    public void Generate_ExternalIdsAreUniqueAcrossUsersAndItems()
    {
        var data = SampleDataSets.Generate(new SampleDataOptions { Users = 1_500, Items = 300, Interactions = 100 });
        var ids = new HashSet<string>(StringComparer.Ordinal);

        foreach (var user in data.Users)
        {
            Assert.True(ids.Add(user.ExternalId), user.ExternalId);
        }

        foreach (var item in data.Items)
        {
            Assert.True(ids.Add(item.ExternalId), item.ExternalId);
        }
    }

    [Theory]
    [InlineData(9, 500, 100_000, 180, 8)]
    [InlineData(2_000, 4, 100_000, 180, 8)]
    [InlineData(2_000, 500, 9, 180, 8)]
    [InlineData(2_000, 500, 100_000, 0, 8)]
    [InlineData(2_000, 500, 100_000, 180, 0)]
    public void Generate_OutOfRangeOptions_Throws(int users, int items, int interactions, int days, int factors)
    {
        var options = new SampleDataOptions
        {
            Users = users,
            Items = items,
            Interactions = interactions,
            Days = days,
            LatentFactors = factors,
        };

        Assert.Throws<ValidationException>(() => SampleDataSets.Generate(options));
    }

    [Fact]
    public void Generate_LocalEndTime_Throws()
    {
        var localEnd = new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(
            () => new SampleDataGenerator().Generate(new SampleDataOptions(), localEnd, CancellationToken.None));
    }

    [Fact]
    public void Generate_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => new SampleDataGenerator().Generate(new SampleDataOptions(), SampleDataSets.EndUtc, cts.Token));
    }

    [Fact]
    public void Generate_ReportsRisingPercentagesFromZeroToHundred()
    {
        var progress = new RecordingProgress();

        new SampleDataGenerator().Generate(new SampleDataOptions(), SampleDataSets.EndUtc, CancellationToken.None, progress);

        Assert.Equal(0, progress.Reports[0]);
        Assert.Equal(100, progress.Reports[^1]);
        Assert.True(progress.Reports.Count > 10, $"only {progress.Reports.Count} reports");
        for (var i = 1; i < progress.Reports.Count; i++)
        {
            Assert.True(progress.Reports[i] > progress.Reports[i - 1], $"report {i} went from {progress.Reports[i - 1]} to {progress.Reports[i]}");
        }
    }

    /// <summary>Every generated field as text, so equal lists mean equal data sets.</summary>
    private static List<string> Fingerprint(SampleDataSet data)
    {
        var lines = new List<string>();
        foreach (var user in data.Users)
        {
            var attributes = string.Join(';', user.Attributes.Select(a => $"{a.Key}={a.Value}/{a.IsSensitive}/{a.IsQuasiIdentifier}"));
            lines.Add(FormattableString.Invariant($"{user.ExternalId}|{user.CreatedAtUtc:O}|{attributes}"));
        }

        foreach (var item in data.Items)
        {
            lines.Add(FormattableString.Invariant($"{item.ExternalId}|{item.Title}|{item.Category}|{item.Tags}|{item.Price}|{item.CreatedAtUtc:O}"));
        }

        foreach (var x in data.Interactions)
        {
            lines.Add(FormattableString.Invariant($"{x.UserIndex}|{x.ItemIndex}|{x.Type}|{x.Value}|{x.OccurredAtUtc:O}"));
        }

        return lines;
    }
}
