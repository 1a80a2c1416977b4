using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Row indices of a rating list bucketed by user, users in ascending index order and rows in input
/// order within a user. A counting sort over the distinct users keeps it O(n + distinct users),
/// whatever the range of user indices.
/// </summary>
internal sealed class UserGroups
{
    private readonly int[] _users;
    private readonly int[] _start;
    private readonly int[] _rows;

    private UserGroups(int[] users, int[] start, int[] rows)
    {
        _users = users;
        _start = start;
        _rows = rows;
    }

    public int Count => _users.Length;

    public int UserAt(int group) => _users[group];

    public ReadOnlySpan<int> RowsOf(int group) => _rows.AsSpan(_start[group], _start[group + 1] - _start[group]);

    public static UserGroups Build(ReadOnlySpan<Rating> ratings)
    {
        var slotOf = new Dictionary<int, int>();
        var counts = new List<int>();
        var users = new List<int>();
        foreach (var r in ratings)
        {
            if (!slotOf.TryGetValue(r.User, out var slot))
            {
                slot = users.Count;
                slotOf.Add(r.User, slot);
                users.Add(r.User);
                counts.Add(0);
            }

            counts[slot]++;
        }

        // Order groups by user index so consumers (and seeded generators) see users in a fixed order.
        var sortedUsers = users.ToArray();
        Array.Sort(sortedUsers);
        var start = new int[sortedUsers.Length + 1];
        var rankOfSlot = new int[sortedUsers.Length];
        for (var g = 0; g < sortedUsers.Length; g++)
        {
            var slot = slotOf[sortedUsers[g]];
            rankOfSlot[slot] = g;
            start[g + 1] = start[g] + counts[slot];
        }

        var rows = new int[ratings.Length];
        var next = (int[])start.Clone();
        for (var i = 0; i < ratings.Length; i++)
        {
            var g = rankOfSlot[slotOf[ratings[i].User]];
            rows[next[g]++] = i;
        }

        return new UserGroups(sortedUsers, start, rows);
    }
}
