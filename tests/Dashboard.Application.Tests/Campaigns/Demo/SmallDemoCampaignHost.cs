namespace Dashboard.Application.Tests.Campaigns.Demo;

/// <summary>The demo as the end-to-end tests start it (200 end-users, 50 items, 5,000 interactions), to its running campaign.</summary>
public sealed class SmallDemoCampaignHost : IAsyncLifetime
{
    public DemoCampaignHost Demo { get; } = new() { Data = new() { Users = 200, Items = 50, Interactions = 5_000 } };

    public Task InitializeAsync() => Demo.InitializeAsync();

    public Task DisposeAsync() => Demo.DisposeAsync();
}
