using System.Numerics.Tensors;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Ready-made item–item similarity functions in [0, 1] for intra-list diversity and MMR re-ranking.
/// Any other <c>Func&lt;int, int, double&gt;</c> (e.g. cosine of learned item factors) works too.
/// </summary>
public static class ItemSimilarity
{
    /// <summary>
    /// Cosine similarity of the items' category indicator vectors: |A ∩ B| / sqrt(|A|·|B|). Items
    /// without categories are dissimilar to everything (0), and an item is fully similar to itself.
    /// </summary>
    public static Func<int, int, double> CategoryCosine(ItemCategories categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return (a, b) =>
        {
            if (a == b)
            {
                return 1;
            }

            var ca = categories.CategoriesOf(a);
            var cb = categories.CategoriesOf(b);
            if (ca.IsEmpty || cb.IsEmpty)
            {
                return 0;
            }

            int i = 0, j = 0, common = 0;
            while (i < ca.Length && j < cb.Length)
            {
                if (ca[i] == cb[j])
                {
                    common++;
                    i++;
                    j++;
                }
                else if (ca[i] < cb[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            return common / Math.Sqrt((double)ca.Length * cb.Length);
        };
    }

    /// <summary>
    /// Cosine similarity of two items' user sets in <paramref name="history"/>: |A ∩ B| / sqrt(|A|·|B|), the
    /// diversity measure when a catalogue has no categories. Items nobody interacted with are dissimilar to
    /// everything (0), and an item is fully similar to itself.
    /// </summary>
    public static Func<int, int, double> CoOccurrenceCosine(InteractionMatrix history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return (a, b) =>
        {
            if (a == b)
            {
                return 1;
            }

            var ua = history.UsersOf(a);
            var ub = history.UsersOf(b);
            if (ua.IsEmpty || ub.IsEmpty)
            {
                return 0;
            }

            int i = 0, j = 0, common = 0;
            while (i < ua.Length && j < ub.Length)
            {
                if (ua[i] == ub[j])
                {
                    common++;
                    i++;
                    j++;
                }
                else if (ua[i] < ub[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            return common / Math.Sqrt((double)ua.Length * ub.Length);
        };
    }

    /// <summary>
    /// Cosine similarity of dense item vectors (one row per item, e.g. learned factors). Negative
    /// cosines are clipped to 0 so the result stays in [0, 1] as diversity and MMR expect.
    /// </summary>
    public static Func<int, int, double> VectorCosine(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return (a, b) =>
        {
            if (a == b)
            {
                return 1;
            }

            var cosine = TensorPrimitives.CosineSimilarity<float>(vectors[a], vectors[b]);
            return float.IsNaN(cosine) ? 0 : Math.Max(0, cosine);
        };
    }
}
