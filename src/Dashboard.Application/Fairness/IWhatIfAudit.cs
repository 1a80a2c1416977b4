namespace Dashboard.Application.Fairness;

/// <summary>
/// Re-runs a version's bias audit on its stored audit snapshot with other re-ranking settings, to see what each
/// setting costs in accuracy and gains in fairness. Reads only; changes nothing. Callers need ViewDashboard.
/// </summary>
public interface IWhatIfAudit
{
    /// <summary>One point per setting, in the order given; the version's own setting is worth including as the baseline.</summary>
    Task<IReadOnlyList<WhatIfPoint>> RunAsync(Guid modelVersionId, IReadOnlyList<WhatIfSetting> settings, CancellationToken cancellationToken);
}
