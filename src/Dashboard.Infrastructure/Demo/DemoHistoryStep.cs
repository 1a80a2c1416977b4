namespace Dashboard.Infrastructure.Demo;

/// <summary>Where the demo's seeded history stands after one <see cref="DemoHistory.AdvanceAsync"/>.</summary>
public enum DemoHistoryStep
{
    /// <summary>No demo organisation to look after (demo off, or the database was not seeded by the demo).</summary>
    NoDemo,

    /// <summary>Version 1 is still being trained or audited.</summary>
    WaitingForFirstAudit,

    /// <summary>Version 1 was decided and is live; the second training is queued (its version waits for review once audited).</summary>
    SecondTrainingQueued,

    /// <summary>The history is complete (or someone took it over): nothing more to do.</summary>
    Done,

    /// <summary>The first training or its audit failed; the history cannot go on (the Jobs page says why).</summary>
    Stopped,
}
