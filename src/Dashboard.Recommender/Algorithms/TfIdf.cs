using System.Globalization;
using System.Text;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// TF-IDF item vectors from metadata, L2-normalised, in CSR form (item → sorted term ids). Terms are
/// lower-cased title words (letters and digits, two characters or more) and whole categories and tags,
/// each prefixed by its field so "drama" the genre and "drama" in a title stay distinct.
/// idf = ln((1 + N) / (1 + df)) + 1 (the smoothed form, so a term in every item still counts a little).
/// </summary>
internal static class TfIdf
{
    public static (int[] Ptr, int[] Terms, float[] Weights) Build(
        int itemCount, IReadOnlyDictionary<int, ItemMetadata> metadata, ContentBasedOptions options)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var perItem = new Dictionary<int, double>[itemCount];
        var documentFrequency = new List<int>();
        for (var item = 0; item < itemCount; item++)
        {
            var counts = new Dictionary<int, double>();
            if (metadata.TryGetValue(item, out var meta))
            {
                foreach (var word in Words(meta.Title))
                {
                    Add(counts, vocabulary, documentFrequency, "t:" + word, options.TitleWeight);
                }

                foreach (var category in meta.Categories)
                {
                    Add(counts, vocabulary, documentFrequency, "c:" + category.Trim().ToLowerInvariant(), options.CategoryWeight);
                }

                foreach (var tag in meta.Tags)
                {
                    Add(counts, vocabulary, documentFrequency, "g:" + tag.Trim().ToLowerInvariant(), options.TagWeight);
                }
            }

            foreach (var term in counts.Keys)
            {
                documentFrequency[term]++;
            }

            perItem[item] = counts;
        }

        var ptr = new int[itemCount + 1];
        var terms = new List<int>();
        var weights = new List<float>();
        for (var item = 0; item < itemCount; item++)
        {
            var entries = perItem[item]
                .Where(e => e.Value > 0)
                .Select(e => (Term: e.Key, Weight: e.Value * (Math.Log((1.0 + itemCount) / (1.0 + documentFrequency[e.Key])) + 1)))
                .OrderBy(e => e.Term)
                .ToList();
            var norm = Math.Sqrt(entries.Sum(e => e.Weight * e.Weight));
            foreach (var (term, weight) in entries)
            {
                terms.Add(term);
                weights.Add((float)(weight / norm));
            }

            ptr[item + 1] = terms.Count;
        }

        return (ptr, [.. terms], [.. weights]);
    }

    /// <summary>Lower-case runs of letters or digits, two characters or longer.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
                continue;
            }

            if (word.Length >= 2)
            {
                yield return word.ToString();
            }

            word.Clear();
        }

        if (word.Length >= 2)
        {
            yield return word.ToString();
        }
    }

    private static void Add(Dictionary<int, double> counts, Dictionary<string, int> vocabulary, List<int> documentFrequency, string term, double weight)
    {
        if (!vocabulary.TryGetValue(term, out var id))
        {
            id = vocabulary.Count;
            vocabulary[term] = id;
            documentFrequency.Add(0);
        }

        counts[id] = counts.GetValueOrDefault(id) + weight;
    }
}
