using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

/// <summary>Small deterministic matrices shared by the algorithm tests.</summary>
internal static class TinyData
{
    public static InteractionMatrix Build(int users, int items, params (int User, int Item, float Value)[] entries)
    {
        var ratings = new Rating[entries.Length];
        for (var k = 0; k < entries.Length; k++)
        {
            ratings[k] = new Rating(entries[k].User, entries[k].Item, entries[k].Value);
        }

        return InteractionMatrix.Build(ratings, users, items);
    }

    /// <summary>
    /// Ratings 1–5 from two latent tastes plus noise, ~40% density, so every model has something to learn.
    /// Timestamps increase with the entry index.
    /// </summary>
    public static InteractionMatrix Random(int users = 40, int items = 25, int seed = 7)
    {
        var random = new Random(seed);
        var ratings = new List<Rating>();
        for (var u = 0; u < users; u++)
        {
            var taste = u % 2;
            for (var i = 0; i < items; i++)
            {
                if (random.NextDouble() < 0.4)
                {
                    var liked = i % 2 == taste;
                    var value = Math.Clamp((liked ? 4 : 2) + random.Next(-1, 2), 1, 5);
                    ratings.Add(new Rating(u, i, value, 1_000_000 + ratings.Count));
                }
            }
        }

        return InteractionMatrix.Build([.. ratings], users, items);
    }
}
