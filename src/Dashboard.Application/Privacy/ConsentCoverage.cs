namespace Dashboard.Application.Privacy;

/// <summary>
/// For one purpose at <see cref="AsOfUtc"/>: how many of the organisation's end-users currently grant it, have
/// withdrawn it (their latest record), and have no record; and whether those without a record count as consented.
/// </summary>
public sealed record ConsentCoverage(string Purpose, int Granted, int Withdrawn, int NoRecord, bool NoRecordMeansConsented, DateTime AsOfUtc)
{
    /// <summary>End-users whose data may be used for the purpose now.</summary>
    public int Allowed => Granted + (NoRecordMeansConsented ? NoRecord : 0);
}
