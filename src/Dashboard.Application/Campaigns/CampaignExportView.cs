namespace Dashboard.Application.Campaigns;

/// <summary>One finished export as the campaign's export panel lists it; <see cref="RequestedBy"/> is who (or which schedule) asked for it.</summary>
public sealed record CampaignExportView(
    Guid Id, DateTime CreatedAtUtc, DateTime SnapshotAtUtc, int EndUserCount, int RowCount, long SizeBytes, string? RequestedBy);
