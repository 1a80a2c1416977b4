namespace Dashboard.Recommender.Serving;

/// <summary>
/// Splits per end-user by time, the way a tenant's future looks: each end-user's latest
/// <c>fraction</c> of interactions (at least one, rounded half away from zero) is held out, and at
/// least one interaction stays in train; end-users with fewer than 2 interactions stay entirely in
/// train. Ties in time are ordered by item id (ordinal), then event type, then row, so the split does
/// not depend on the order rows were read in.
/// </summary>
public static class TimeSplit
{
    public const double DefaultFraction = 0.2;

    public static (TrainingData Train, TrainingData Test) Split(TrainingData data, double fraction = DefaultFraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The held-out fraction must be between 0 and 1.");
        }

        var userCount = data.EndUserIds.Count;
        var start = new int[userCount + 1];
        foreach (var u in data.Users)
        {
            start[u + 1]++;
        }

        for (var u = 0; u < userCount; u++)
        {
            start[u + 1] += start[u];
        }

        var rowsByUser = new int[data.Count];
        var fill = (int[])start.Clone();
        var users = data.Users;
        for (var r = 0; r < data.Count; r++)
        {
            rowsByUser[fill[users[r]]++] = r;
        }

        var ticks = data.TimestampTicks.ToArray();
        var items = data.Items.ToArray();
        var types = data.EventTypes.ToArray();
        var itemIds = data.ItemIds;
        var typeNames = data.EventTypeNames;
        Comparison<int> byTime = (a, b) =>
        {
            var c = ticks[a].CompareTo(ticks[b]);
            if (c == 0)
            {
                c = string.CompareOrdinal(itemIds[items[a]], itemIds[items[b]]);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(typeNames[types[a]], typeNames[types[b]]);
            }

            return c != 0 ? c : a.CompareTo(b);
        };

        var train = new List<int>(data.Count);
        var test = new List<int>(data.Count / 4);
        for (var u = 0; u < userCount; u++)
        {
            var rows = rowsByUser.AsSpan(start[u], start[u + 1] - start[u]);
            if (rows.Length < 2)
            {
                foreach (var r in rows)
                {
                    train.Add(r);
                }

                continue;
            }

            rows.Sort(byTime);
            var held = (int)Math.Round(rows.Length * fraction, MidpointRounding.AwayFromZero);
            held = Math.Clamp(held, 1, rows.Length - 1);
            var cut = rows.Length - held;
            for (var i = 0; i < rows.Length; i++)
            {
                (i < cut ? train : test).Add(rows[i]);
            }
        }

        train.Sort();
        test.Sort();
        return (data.WithRows(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train)),
            data.WithRows(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(test)));
    }
}
