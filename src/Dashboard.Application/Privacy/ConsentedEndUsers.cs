namespace Dashboard.Application.Privacy;

/// <summary>
/// The end-users whose data may be used for a purpose at a moment, as the consent gate answered, and
/// the sentence a model version's manifest keeps about that answer.
/// </summary>
public sealed class ConsentedEndUsers
{
    private readonly IReadOnlySet<long>? _allowed;

    private ConsentedEndUsers(IReadOnlySet<long>? allowed, string basis)
    {
        _allowed = allowed;
        Basis = basis;
    }

    /// <summary>How the answer was reached, e.g. which consent records it read; kept in the manifest.</summary>
    public string Basis { get; }

    public static ConsentedEndUsers Everyone(string basis) => new(null, basis);

    public static ConsentedEndUsers Only(IReadOnlySet<long> endUserIds, string basis) => new(endUserIds, basis);

    public bool Allows(long endUserId) => _allowed is null || _allowed.Contains(endUserId);
}
