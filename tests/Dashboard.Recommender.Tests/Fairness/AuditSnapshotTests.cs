using System.Text;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Serving;
using Dashboard.Recommender.Tests.Serving;

namespace Dashboard.Recommender.Tests.Fairness;

public class AuditSnapshotTests
{
    private static readonly TrainingData Balanced = SnapshotShopData.Generate(planted: false);
    private static readonly TrainingData Planted = SnapshotShopData.Generate(planted: true);
    private static readonly Lazy<(BlendModel Model, AuditSnapshot Snapshot, TrainingData Train, TrainingData Test)> BalancedSnapshot =
        new(() => SnapshotShopData.Snapshot(Balanced));

    public static TheoryData<string> Reranks => ["none", "boost", "cap", "mmr", "all"];

    private static RerankSpec RerankNamed(string name) => name switch
    {
        "boost" => new RerankSpec { LongTailBoost = 0.3 },
        "cap" => new RerankSpec { MaxPerCategory = 3 },
        "mmr" => new RerankSpec { MmrLambda = 0.5 },
        "all" => new RerankSpec { LongTailBoost = 0.2, MaxPerCategory = 4, MmrLambda = 0.7 },
        _ => new RerankSpec(),
    };

    [Theory]
    [MemberData(nameof(Reranks))]
    public void Audit_WithTheVersionsOwnRerank_GivesEveryEvaluatedEndUserTheListTheModelServes(string rerank)
    {
        var (model, snapshot, _, _) = SnapshotShopData.Snapshot(Balanced, RerankNamed(rerank));

        AssertListsEqual(model, snapshot, snapshot.Rerank);
    }

    [Theory]
    [MemberData(nameof(Reranks))]
    public void Audit_WithAnotherRerank_GivesTheListsOfTheSameModelServingThatRerank(string rerank)
    {
        var (model, snapshot, _, _) = BalancedSnapshot.Value;
        var other = RerankNamed(rerank);
        var serving = new BlendModel(
            model.EngineVersion, model.Spec with { Rerank = other }, model.Users, model.Items, [.. model.Details], model.History,
            model.InteractionCount, model.Popularity, [.. model.Components]);

        AssertListsEqual(serving, snapshot, other);
    }

    [Fact]
    public void Audit_GivesTheSameListsOnOneThreadAsOnMany()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;
        var rerank = new RerankSpec { LongTailBoost = 0.2, MaxPerCategory = 3, MmrLambda = 0.6 };

        var one = snapshot.Lists(rerank, maxThreads: 1);
        var many = snapshot.Lists(rerank, maxThreads: 8);

        Assert.Equal(one.Select(m => (m.User, string.Join(",", m.List), m.Ndcg)), many.Select(m => (m.User, string.Join(",", m.List), m.Ndcg)));
    }

    [Fact]
    public void Audit_OfACatalogueWithoutCategories_DiversifiesByCoOccurrenceAsTheModelDoes()
    {
        var (model, snapshot, _, _) = SnapshotShopData.Snapshot(SnapshotShopData.Generate(planted: false, withCategories: false, users: 150), new RerankSpec { MmrLambda = 0.3 });

        AssertListsEqual(model, snapshot, snapshot.Rerank);
        Assert.NotEqual(
            snapshot.Lists(new RerankSpec()).Select(m => string.Join(",", m.List)),
            snapshot.Lists(snapshot.Rerank).Select(m => string.Join(",", m.List)));
    }

    [Fact]
    public void Audit_WithTheVersionsOwnRerank_MeasuresWhatTheTrainersEvaluationMeasured()
    {
        var (model, snapshot, _, test) = BalancedSnapshot.Value;
        var evaluation = new BlendTrainer().Evaluate(model, test, 10, null);

        var run = snapshot.Audit(snapshot.Rerank, new FairnessThresholds());

        Assert.Equal(evaluation.EvaluatedEndUsers, run.EvaluatedUsers);
        Assert.Equal(evaluation.Ndcg, run.NdcgAt10, 12);
        Assert.Equal(evaluation.Precision, run.PrecisionAt10, 12);
        Assert.Equal(["age band", "region"], snapshot.AttributeNames);
    }

    [Fact]
    public void Audit_OfAPopularityBlendOnTheTinyShop_GivesTheKnownPrecisionAndNdcg()
    {
        // Each end-user's latest event is held out; every item has 3 training interactions, so popularity ties
        // and the lower index wins: a1, a2, a3, b1, a4, b2, b3, b4. Five of eight end-users find their held-out
        // item first in a list of two (NDCG 1, P@2 ½), three miss it (see ServingData).
        var data = ServingData.Shop();
        var (train, test) = TimeSplit.Split(data);
        var spec = BlendSpec.Default with { Components = [new ComponentSpec(ComponentKind.Popularity, 1)] };
        var model = new BlendTrainer().Fit(train, spec, null, CancellationToken.None);
        var snapshot = AuditSnapshot.Build(model, train, test, 2, null);

        var run = snapshot.Audit(snapshot.Rerank, new FairnessThresholds(), new FairnessAuditOptions(Resamples: 10));

        Assert.Equal((8, 5 / 8.0, 5 * 0.5 / 8), (run.EvaluatedUsers, run.NdcgAt10, run.PrecisionAt10));
        Assert.Equal(["b1,a4", "a3,b1", "a1,b1", "a2,b1", "a1,a2", "a1,a2", "a1,a2", "a1,a2"], snapshot.Lists(snapshot.Rerank).Select(m => string.Join(",", m.List.Select(i => model.Items.IdAt(i)))));
        Assert.Empty(snapshot.AttributeNames);
    }

    [Fact]
    public void WriteThenRead_GivesIdenticalAuditResults()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;
        var read = RoundTrip(snapshot);
        var rerank = new RerankSpec { LongTailBoost = 0.2, MaxPerCategory = 3 };

        var expected = snapshot.Audit(rerank, new FairnessThresholds());
        var actual = read.Audit(rerank, new FairnessThresholds());

        Assert.Equal(snapshot.Rerank, read.Rerank);
        Assert.Equal((expected.EvaluatedUsers, expected.NdcgAt10, expected.PrecisionAt10), (actual.EvaluatedUsers, actual.NdcgAt10, actual.PrecisionAt10));
        Assert.Equal(expected.Report.Findings, actual.Report.Findings);
        Assert.Equal(expected.Report.ItemSide, actual.Report.ItemSide);
        Assert.Equal(expected.Report.CategoryNames, actual.Report.CategoryNames);
    }

    [Fact]
    public void Read_OfADamagedStream_IsRefusedWithASentence()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;
        using var buffer = new MemoryStream();
        snapshot.Write(buffer);
        var bytes = buffer.ToArray();

        var flipped = (byte[])bytes.Clone();
        flipped[^10] ^= 0x5A;
        byte[][] damaged = [flipped, bytes[..(bytes.Length / 2)], bytes[..3], [], [.. "PK"u8, .. bytes[2..]]];

        foreach (var b in damaged)
        {
            var e = Assert.Throws<InvalidDataException>(() => AuditSnapshot.Read(new MemoryStream(b)));
            Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_OfAnotherFormatVersion_IsRefusedNamingTheVersion()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;
        using var buffer = new MemoryStream();
        snapshot.Write(buffer);
        var bytes = buffer.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), 2);

        var e = Assert.Throws<InvalidDataException>(() => AuditSnapshot.Read(new MemoryStream(bytes)));

        Assert.Contains("format version 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HoldsNoEndUserIdItemIdOrTitle()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;
        using var buffer = new MemoryStream();
        snapshot.Write(buffer);
        var text = Encoding.UTF8.GetString(AuditSnapshotFormat.Payload(snapshot)) + Encoding.UTF8.GetString(buffer.ToArray());

        Assert.DoesNotContain("end-user-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sku-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Title of", text, StringComparison.Ordinal);
        Assert.Contains("Electronics", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OfPlantedBias_FailsNorthOnElectronicsExposureAndOutcomes()
    {
        var (_, snapshot, _, _) = SnapshotShopData.Snapshot(Planted);

        var findings = snapshot.Audit(snapshot.Rerank, new FairnessThresholds()).Report.Findings;

        var exposure = findings.Single(f => f.Kind == FigureKind.ExposureRatio && f.Attribute == "region" && f.Group == "North" && f.Category == "Electronics");
        var outcome = findings.Single(f => f.Kind == FigureKind.OutcomeRateRatio && f.Attribute == "region" && f.Group == "North" && f.Category == "Electronics");
        Assert.True((exposure.Verdict, outcome.Verdict) == (Verdict.Fail, Verdict.Fail), FindingSentence.Describe(exposure) + " " + FindingSentence.Describe(outcome));
        Assert.InRange(outcome.Figure, 0.1, 0.6);
    }

    [Fact]
    public void Audit_OfBalancedData_FailsNoExposureOrOutcomeFigure()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;

        var failing = snapshot.Audit(snapshot.Rerank, new FairnessThresholds()).Report.Findings
            .Where(f => f.Kind is FigureKind.ExposureRatio or FigureKind.OutcomeRateRatio && f.Verdict == Verdict.Fail)
            .Select(FindingSentence.Describe);

        Assert.Empty(failing);
    }

    [Fact]
    public void Audit_WithACategoryCap_KeepsAtMostThatManyItemsOfACategoryInEveryList()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;

        var capped = snapshot.Lists(new RerankSpec { MaxPerCategory = 3 });
        var uncapped = snapshot.Lists(new RerankSpec());

        Assert.All(capped, m => Assert.True(m.List.GroupBy(i => CategoryOf(snapshot, i)).All(g => g.Count() <= 3)));
        Assert.Contains(uncapped, m => m.List.GroupBy(i => CategoryOf(snapshot, i)).Any(g => g.Count() > 3));
    }

    [Fact]
    public void Audit_WithMmr_ShowsEveryCategoryInListsThatOtherwiseMissSome()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;

        int Categories(UserListMetrics m) => m.List.Select(i => CategoryOf(snapshot, i)).Distinct().Count();

        Assert.All(snapshot.Lists(new RerankSpec { MmrLambda = 0.3 }), m => Assert.Equal(4, Categories(m)));
        Assert.Contains(snapshot.Lists(new RerankSpec()), m => Categories(m) < 4);
    }

    [Fact]
    public void Audit_WithALongTailBoost_RaisesTheLongTailShareOfTheLists()
    {
        var (_, snapshot, _, _) = BalancedSnapshot.Value;

        var plain = snapshot.Audit(new RerankSpec(), new FairnessThresholds()).Report.ItemSide;
        var boosted = snapshot.Audit(new RerankSpec { LongTailBoost = 1 }, new FairnessThresholds()).Report.ItemSide;

        Assert.True(boosted.Aplt > plain.Aplt + 0.03 && boosted.Arp < plain.Arp, $"APLT {plain.Aplt} -> {boosted.Aplt}, ARP {plain.Arp} -> {boosted.Arp}");
    }

    [Fact]
    public void Build_WhenTheDataLacksTheConversionEvent_KeepsNoOutcomeEvents()
    {
        var (model, _, train, test) = BalancedSnapshot.Value;

        var snapshot = AuditSnapshot.Build(model, train, test, 10, SnapshotShopData.Groups(), new OutcomeNames("add_to_cart", "refund"));

        Assert.DoesNotContain(snapshot.Audit(snapshot.Rerank, new FairnessThresholds()).Report.Findings, f => f.Kind == FigureKind.OutcomeRateRatio);
    }

    private static int CategoryOf(AuditSnapshot snapshot, int item) => snapshot.Categories.CategoriesOf(item)[0];

    private static AuditSnapshot RoundTrip(AuditSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        snapshot.Write(buffer);
        buffer.Position = 0;
        return AuditSnapshot.Read(buffer);
    }

    private static void AssertListsEqual(BlendModel model, AuditSnapshot snapshot, RerankSpec rerank)
    {
        var lists = snapshot.Lists(rerank);
        Assert.Equal(snapshot.EvaluatedUsers, lists.Length);
        Assert.True(lists.Length >= 100);
        foreach (var m in lists)
        {
            var served = model.ListFor(m.User, 10, item => !model.History.Contains(m.User, item)).Select(s => s.Item);
            Assert.Equal(served, m.List);
        }
    }
}
