using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>
/// One line of the differential-privacy ledger: a noisy figure someone was shown, the ε it cost, who and
/// when. The month's spend is the sum of its lines.
/// </summary>
public sealed class PrivacyBudgetSpend : ITenantOwned
{
    public const int QueryMaxLength = 500;
    public const int SpentByMaxLength = 256;
    public const int ReleasedAnswerMaxLength = 4000;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTime SpentAtUtc { get; set; }

    /// <summary>The first day (UTC) of the calendar month the spend counts against.</summary>
    public DateTime PeriodStartUtc { get; set; }

    public required string SpentBy { get; set; }

    /// <summary>What was asked, in words ("size of segment 'Young North'"); never a person's data.</summary>
    public required string Query { get; set; }

    public double Epsilon { get; set; }

    /// <summary>
    /// The noisy figures released for <see cref="Query"/>, as JSON. The same query asked again in the same period is
    /// answered from here at no cost: drawing fresh noise each time would let anyone average it away.
    /// </summary>
    public string? ReleasedAnswer { get; set; }
}
