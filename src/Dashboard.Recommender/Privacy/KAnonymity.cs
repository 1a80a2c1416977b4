namespace Dashboard.Recommender.Privacy;

/// <summary>
/// Equivalence classes, suppression and l-diversity (Sweeney 2002; Machanavajjhala et al. 2007) over records
/// whose quasi-identifiers are already generalised. Runs in time linear in records × attributes.
/// </summary>
public static class KAnonymity
{
    /// <param name="quasiIdentifiers">One column per quasi-identifying attribute, each with one value per record.</param>
    /// <param name="k">Classes with fewer records are suppressed.</param>
    /// <param name="sensitive">One column per sensitive attribute (null where a record has none: it adds no diversity).</param>
    public static KAnonymityResult Evaluate(IReadOnlyList<IReadOnlyList<string>> quasiIdentifiers, int k, IReadOnlyList<IReadOnlyList<string?>>? sensitive = null)
    {
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        sensitive ??= [];
        var records = quasiIdentifiers.Count > 0 ? quasiIdentifiers[0].Count : sensitive.Count > 0 ? sensitive[0].Count : 0;
        if (quasiIdentifiers.Any(c => c.Count != records) || sensitive.Any(c => c.Count != records))
        {
            throw new ArgumentException("Every column must hold one value per record.", nameof(quasiIdentifiers));
        }

        var classOf = ClassOf(quasiIdentifiers, records, out var classCount);
        var sizes = new int[classCount];
        foreach (var c in classOf)
        {
            sizes[c]++;
        }

        var isSuppressed = new bool[records];
        var suppressed = 0;
        for (var i = 0; i < records; i++)
        {
            if (sizes[classOf[i]] < k)
            {
                isSuppressed[i] = true;
                suppressed++;
            }
        }

        var kept = 0;
        var smallest = int.MaxValue;
        foreach (var size in sizes)
        {
            if (size >= k)
            {
                kept++;
                smallest = Math.Min(smallest, size);
            }
        }

        var diversity = new int[sensitive.Count];
        for (var s = 0; s < sensitive.Count; s++)
        {
            diversity[s] = kept == 0 ? 0 : Diversity(sensitive[s], classOf, sizes, k, classCount);
        }

        return new KAnonymityResult(k, kept == 0 ? 0 : smallest, classCount, kept, records, suppressed, isSuppressed, diversity);
    }

    /// <summary>Numbers each record's tuple of values, one attribute at a time: (class so far, value) → class.</summary>
    private static int[] ClassOf(IReadOnlyList<IReadOnlyList<string>> columns, int records, out int classCount)
    {
        var classOf = new int[records];
        classCount = records > 0 ? 1 : 0;
        foreach (var column in columns)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            var pairs = new Dictionary<long, int>();
            for (var i = 0; i < records; i++)
            {
                if (!values.TryGetValue(column[i], out var code))
                {
                    code = values.Count;
                    values.Add(column[i], code);
                }

                var pair = ((long)classOf[i] << 32) | (uint)code;
                if (!pairs.TryGetValue(pair, out var next))
                {
                    next = pairs.Count;
                    pairs.Add(pair, next);
                }

                classOf[i] = next;
            }

            classCount = pairs.Count;
        }

        return classOf;
    }

    private static int Diversity(IReadOnlyList<string?> column, int[] classOf, int[] sizes, int k, int classCount)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<long>();
        var distinct = new int[classCount];
        for (var i = 0; i < classOf.Length; i++)
        {
            if (column[i] is not { } value || sizes[classOf[i]] < k)
            {
                continue;
            }

            if (!values.TryGetValue(value, out var code))
            {
                code = values.Count;
                values.Add(value, code);
            }

            if (seen.Add(((long)classOf[i] << 32) | (uint)code))
            {
                distinct[classOf[i]]++;
            }
        }

        var least = int.MaxValue;
        for (var c = 0; c < classCount; c++)
        {
            if (sizes[c] >= k)
            {
                least = Math.Min(least, distinct[c]);
            }
        }

        return least;
    }
}
