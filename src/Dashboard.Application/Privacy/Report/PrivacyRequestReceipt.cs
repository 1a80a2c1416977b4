using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// An access or erasure request as its receipt shows it: reference, kind, when it was received and answered, the
/// channel, whether anything was found, rows removed per table and the model versions affected — no personal data.
/// </summary>
public sealed record PrivacyRequestReceipt(
    string Reference,
    PrivacyRequestKind Kind,
    DateTime ReceivedAtUtc,
    DateTime? CompletedAtUtc,
    string Channel,
    bool Found,
    IReadOnlyDictionary<string, long> RowsRemoved,
    IReadOnlyList<string> ModelVersionsAffected)
{
    public long TotalRowsRemoved => RowsRemoved.Values.Sum();
}
