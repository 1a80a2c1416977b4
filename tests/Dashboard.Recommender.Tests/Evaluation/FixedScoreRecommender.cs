using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Evaluation;

/// <summary>
/// Test double: a "model" whose scores are a fixed table, one row per known user. Users without a row
/// are unknown (NaN scores, empty recommendations), as the IRecommender contract requires.
/// </summary>
internal sealed class FixedScoreRecommender(string name, int itemCount, IReadOnlyDictionary<int, float[]> scoresByUser) : IRecommender
{
    public string Name => name;

    public bool IsFitted => true;

    /// <summary>Every known user scores item i with <paramref name="itemScores"/>[i] (a non-personalised model).</summary>
    public static FixedScoreRecommender SameForUsers(string name, int userCount, params float[] itemScores)
    {
        var table = new Dictionary<int, float[]>();
        for (var u = 0; u < userCount; u++)
        {
            table[u] = itemScores;
        }

        return new FixedScoreRecommender(name, itemScores.Length, table);
    }

    public void Score(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            scores[i] = scoresByUser.TryGetValue(user, out var row) && (uint)candidates[i] < (uint)itemCount
                ? row[candidates[i]]
                : float.NaN;
        }
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, int n, Func<int, bool>? allow = null)
    {
        if (!scoresByUser.TryGetValue(user, out var row))
        {
            return [];
        }

        var items = new List<ScoredItem>();
        for (var item = 0; item < itemCount; item++)
        {
            if (!float.IsNaN(row[item]) && (allow is null || allow(item)))
            {
                items.Add(new ScoredItem(item, row[item]));
            }
        }

        items.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Item.CompareTo(b.Item));
        return items.Take(n).ToList();
    }

    public void Save(Stream stream) => throw new NotSupportedException("A test double has nothing to save.");
}
