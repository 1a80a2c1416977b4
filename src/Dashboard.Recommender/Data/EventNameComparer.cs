namespace Dashboard.Recommender.Data;

/// <summary>
/// Event-type names are equal when they are after dropping underscores and hyphens and ignoring case,
/// so <c>add_to_cart</c>, <c>AddToCart</c> and <c>add-to-cart</c> name one event: files and people
/// spell it every way.
/// </summary>
internal sealed class EventNameComparer : IEqualityComparer<string>
{
    public static EventNameComparer Instance { get; } = new();

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return ReferenceEquals(x, y);
        }

        int i = 0, j = 0;
        while (true)
        {
            i = NextSignificant(x, i);
            j = NextSignificant(y, j);
            if (i == x.Length || j == y.Length)
            {
                return i == x.Length && j == y.Length;
            }

            if (char.ToUpperInvariant(x[i]) != char.ToUpperInvariant(y[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = default(HashCode);
        foreach (var c in obj)
        {
            if (c is not ('_' or '-'))
            {
                hash.Add(char.ToUpperInvariant(c));
            }
        }

        return hash.ToHashCode();
    }

    private static int NextSignificant(string text, int from)
    {
        while (from < text.Length && text[from] is '_' or '-')
        {
            from++;
        }

        return from;
    }
}
