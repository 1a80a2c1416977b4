namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>All browser tests share one app and one browser; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardAppCollectionDefinition : ICollectionFixture<DashboardAppFixture>
{
    public const string Name = "Dashboard app in Chromium";
}
