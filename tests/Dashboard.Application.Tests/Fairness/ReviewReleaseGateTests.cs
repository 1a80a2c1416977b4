using Dashboard.Application.Fairness;
using Dashboard.Domain.Blends;

namespace Dashboard.Application.Tests.Fairness;

public sealed class ReviewReleaseGateTests
{
    [Theory]
    [InlineData(ReleaseReview.NotAudited, true)]
    [InlineData(ReleaseReview.Cleared, true)]
    [InlineData(ReleaseReview.Approved, true)]
    [InlineData(ReleaseReview.AwaitingAudit, false)]
    [InlineData(ReleaseReview.AwaitingReview, false)]
    [InlineData(ReleaseReview.Rejected, false)]
    public async Task Only_versions_without_a_pending_or_failed_review_may_go_live(ReleaseReview review, bool allowed)
    {
        var gate = Gate();

        var decision = await gate.CheckAsync(Version(review), CancellationToken.None);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed, decision.Reason is null);
    }

    [Fact]
    public async Task A_rejected_version_says_who_rejected_it_and_why()
    {
        var version = Version(ReleaseReview.Rejected);
        version.ReviewedBy = "compliance@demo.local";
        version.ReviewedAtUtc = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        version.ReviewJustification = "North is under-served.";

        var decision = await Gate().CheckAsync(version, CancellationToken.None);

        Assert.Contains("compliance@demo.local", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("North is under-served.", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-12-01", decision.Reason, StringComparison.Ordinal);
    }

    private static ReviewReleaseGate Gate() => new();

    private static ModelVersion Version(ReleaseReview review) => new()
    {
        Number = 2, SpecJson = "{}", MetricsJson = "{}", ManifestJson = "{}", EngineVersion = "test", ArtifactSha256 = "", Review = review,
    };
}
