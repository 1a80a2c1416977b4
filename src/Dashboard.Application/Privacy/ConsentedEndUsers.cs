namespace Dashboard.Application.Privacy;

/// <summary>
/// The end-users whose data may be used for a purpose at a moment, as the consent gate answered, and
/// the sentence a model version's manifest keeps about that answer. Either a set of allowed end-users (no
/// record means not consented) or everyone but a set of refused ones (no record means consented).
/// </summary>
public sealed class ConsentedEndUsers
{
    private readonly IReadOnlySet<long>? _allowed;
    private readonly IReadOnlySet<long>? _refused;

    private ConsentedEndUsers(IReadOnlySet<long>? allowed, IReadOnlySet<long>? refused, string basis, DateTime asOfUtc)
    {
        _allowed = allowed;
        _refused = refused;
        Basis = basis;
        AsOfUtc = asOfUtc;
    }

    /// <summary>How the answer was reached, e.g. which consent records it read; kept in the manifest.</summary>
    public string Basis { get; }

    /// <summary>The consent snapshot time: records after it were not read.</summary>
    public DateTime AsOfUtc { get; }

    public static ConsentedEndUsers Everyone(string basis, DateTime asOfUtc) => new(null, null, basis, asOfUtc);

    public static ConsentedEndUsers Only(IReadOnlySet<long> endUserIds, string basis, DateTime asOfUtc) => new(endUserIds, null, basis, asOfUtc);

    public static ConsentedEndUsers AllBut(IReadOnlySet<long> endUserIds, string basis, DateTime asOfUtc) => new(null, endUserIds, basis, asOfUtc);

    public bool Allows(long endUserId) => _allowed?.Contains(endUserId) ?? _refused?.Contains(endUserId) != true;
}
