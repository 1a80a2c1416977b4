using Dashboard.Application.Common;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>
/// The work behind one <see cref="JobKind"/>. Handlers get everything through a <see cref="JobContext"/>,
/// report progress, and either commit all their results or none (one transaction). Each kind also
/// knows how to put right what an interrupted run of its own left behind.
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    /// <summary>How people and the audit log name this kind of job.</summary>
    string Name { get; }

    /// <summary>The capability a person needs to start (or re-run) this kind of job; the running job holds it.</summary>
    string RequiredPolicy { get; }

    /// <summary>
    /// Whether the Jobs page may offer "Run again" for a finished run of this kind; false for work that is started
    /// only from its own page, where it is explained and confirmed.
    /// </summary>
    bool CanRunAgain => true;

    Task RunAsync(JobContext context);

    /// <summary>
    /// Called once for a run of this kind that stopped without recording its outcome: fixes whatever the
    /// run marked as in progress, and returns a sentence telling people what that means for their data.
    /// </summary>
    Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// What a run with these parameters would replace of the data stored now in <paramref name="db"/>'s
    /// organisation; <see cref="ReplacedData.Nothing"/> for work that only adds.
    /// </summary>
    Task<ReplacedData> WhatRunReplacesAsync(IAppDbContext db, string? parametersJson, CancellationToken cancellationToken) =>
        Task.FromResult(ReplacedData.Nothing);
}
