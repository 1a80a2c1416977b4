using Dashboard.Application.Jobs;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// A campaign's export panel: whether it is an e-mail campaign at all, whether the caller may export and download,
/// why an export is not possible now (when it is not), the schedule, the run under way and the finished exports, newest first.
/// </summary>
public sealed record CampaignExportsView(
    Guid CampaignId,
    string CampaignName,
    bool IsEmail,
    bool CanManage,
    string? Refusal,
    string? ExportCron,
    string ScheduleText,
    IReadOnlyList<DateTime> NextRuns,
    JobRunView? Running,
    IReadOnlyList<CampaignExportView> Exports,
    Guid ConcurrencyStamp);
