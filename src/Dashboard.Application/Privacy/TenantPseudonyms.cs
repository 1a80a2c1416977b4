using Dashboard.Recommender.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>
/// How one tenant's end-user ids are stored at one moment: as sent, or (when the tenant pseudonymises) as the
/// HMAC pseudonym under the tenant's key chain, oldest key first (see <see cref="Pseudonym"/> for why a rotated
/// key chains instead of replacing). Immutable; holds the keys in memory only, never logs them.
/// </summary>
public sealed class TenantPseudonyms
{
    private readonly byte[][] _keys;

    public TenantPseudonyms(bool enabled, IEnumerable<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
        if (enabled && _keys.Length == 0)
        {
            throw new ArgumentException("Pseudonymisation is on but the tenant has no key.", nameof(keys));
        }

        Enabled = enabled;
    }

    public static TenantPseudonyms Off { get; } = new(false, []);

    public bool Enabled { get; }

    /// <summary>The id an end-user sent as <paramref name="externalId"/> is stored (and looked up) under.</summary>
    public string Stored(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (!Enabled)
        {
            return externalId;
        }

        return _keys.Length == 1 ? Pseudonym.Of(_keys[0], externalId) : Pseudonym.Of(_keys, externalId);
    }
}
