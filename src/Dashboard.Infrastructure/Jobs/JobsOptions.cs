using System.ComponentModel.DataAnnotations;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>Section "Jobs": Hangfire workers and who may open the Hangfire dashboard.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>SQLite file for Hangfire's own storage (relative to the content root).</summary>
    [Required]
    public string SqliteStoragePath { get; set; } = "data/hangfire.db";

    /// <summary>
    /// E-mail addresses of system operators allowed to open /hangfire. It shows every tenant's job
    /// arguments, so tenant users (even Admins) are refused unless listed here.
    /// </summary>
    public IReadOnlyList<string> DashboardOperators { get; set; } = [];

    /// <summary>Runs the Hangfire server in this process (switched off in some tests).</summary>
    public bool RunServer { get; set; } = true;
}
