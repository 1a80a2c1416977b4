namespace Dashboard.Infrastructure.Demo;

/// <summary>Where the demo's running campaign stands after one <see cref="DemoCampaign.AdvanceAsync"/>.</summary>
public enum DemoCampaignStep
{
    /// <summary>No demo organisation to look after (demo off, or the database was not seeded by the demo).</summary>
    NoDemo,

    /// <summary>The blend "Popular picks" was added and its training queued.</summary>
    PopularPicksQueued,

    /// <summary>"Popular picks" is still being trained or audited.</summary>
    WaitingForPopularPicks,

    /// <summary>The segment, the campaign and its fourteen days of simulated feedback were written just now.</summary>
    CampaignSeeded,

    /// <summary>The campaign was seeded before (or someone made one of that name): nothing more to do.</summary>
    Done,

    /// <summary>Something the campaign needs is missing or was refused (the log says what); the demo works without it.</summary>
    Stopped,
}
