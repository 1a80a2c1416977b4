using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// Every user's additive contributions to the audit's group sums, as sparse rows (CSR), so a group
/// figure is a ratio of two sums and a bootstrap resample only adds the rows it draws. Layout of the
/// dense index: see the constants; per category c: slots showing c, funnel events and conversions in c.
/// </summary>
internal sealed class UserFeatures
{
    public const int Evaluated = 0;
    public const int Precision = 1;
    public const int Recall = 2;
    public const int Ndcg = 3;
    public const int Slots = 4;
    public const int HasFunnel = 5;
    public const int KlSum = 6;
    public const int KlCount = 7;
    private const int Fixed = 8;

    private readonly int[] _ptr;
    private readonly int[] _index;
    private readonly double[] _value;

    private UserFeatures(int categoryCount, int[] ptr, int[] index, double[] value)
    {
        CategoryCount = categoryCount;
        _ptr = ptr;
        _index = index;
        _value = value;
    }

    public int CategoryCount { get; }

    public int Dimension => Fixed + (3 * CategoryCount);

    public static int SlotsIn(int category) => Fixed + category;

    public int FunnelIn(int category) => Fixed + CategoryCount + category;

    public int ConversionsIn(int category) => Fixed + (2 * CategoryCount) + category;

    /// <summary>True when the user contributes anything (evaluated, or with funnel events).</summary>
    public bool IsPresent(int user) => _ptr[user + 1] > _ptr[user];

    /// <summary>Adds <paramref name="weight"/> times <paramref name="user"/>'s row to <paramref name="sums"/>.</summary>
    public void AddTo(int user, Span<double> sums, double weight = 1)
    {
        var end = _ptr[user + 1];
        for (var e = _ptr[user]; e < end; e++)
        {
            sums[_index[e]] += weight * _value[e];
        }
    }

    public static UserFeatures Build(FairnessAuditInput input, double calibrationAlpha)
    {
        var categories = input.Categories;
        var c = categories.CategoryCount;
        var dimension = Fixed + (3 * c);
        var userCount = input.UserCount;

        var rowOfUser = new int[userCount];
        Array.Fill(rowOfUser, -1);
        for (var r = 0; r < input.Users.Count; r++)
        {
            var user = input.Users[r].User;
            if ((uint)user >= (uint)userCount)
            {
                throw new ArgumentOutOfRangeException(nameof(input), $"Evaluated user {user} outside [0, {userCount}).");
            }

            rowOfUser[user] = r;
        }

        var (eventPtr, eventOrder) = EventsByUser(input.Outcomes, userCount);

        var scratch = new double[dimension];
        var touched = new bool[dimension];
        var touchedList = new List<int>(dimension);
        var history = new double[c];
        var listMix = new double[c];
        var ptr = new int[userCount + 1];
        var index = new List<int>(input.Users.Count * 16);
        var value = new List<double>(input.Users.Count * 16);

        void Add(int at, double amount)
        {
            if (!touched[at])
            {
                touched[at] = true;
                touchedList.Add(at);
            }

            scratch[at] += amount;
        }

        for (var u = 0; u < userCount; u++)
        {
            var row = rowOfUser[u];
            if (row >= 0)
            {
                var m = input.Users[row];
                Add(Evaluated, 1);
                Add(Precision, m.Precision);
                Add(Recall, m.Recall);
                Add(Ndcg, m.Ndcg);
                Add(Slots, m.List.Length);
                foreach (var item in m.List)
                {
                    foreach (var cat in categories.CategoriesOf(item))
                    {
                        Add(Fixed + cat, 1);
                    }
                }

                var seen = u < input.History.Count ? input.History[u] : [];
                BeyondAccuracyMetrics.CategoryDistribution(seen, categories, history);
                if (HasMass(history))
                {
                    BeyondAccuracyMetrics.CategoryDistribution(m.List, categories, listMix);
                    Add(KlSum, BeyondAccuracyMetrics.CalibrationKl(history, listMix, calibrationAlpha));
                    Add(KlCount, 1);
                }
            }

            if (input.Outcomes is { } outcomes)
            {
                var funnel = false;
                for (var e = eventPtr[u]; e < eventPtr[u + 1]; e++)
                {
                    var at = eventOrder[e];
                    var kind = outcomes.Kinds[at];
                    var isFunnel = kind == outcomes.FunnelKind;
                    funnel |= isFunnel;
                    foreach (var cat in categories.CategoriesOf(outcomes.Items[at]))
                    {
                        Add(isFunnel ? Fixed + c + cat : Fixed + (2 * c) + cat, 1);
                    }
                }

                if (funnel)
                {
                    Add(HasFunnel, 1);
                }
            }

            touchedList.Sort();
            foreach (var at in touchedList)
            {
                index.Add(at);
                value.Add(scratch[at]);
                scratch[at] = 0;
                touched[at] = false;
            }

            touchedList.Clear();
            ptr[u + 1] = index.Count;
        }

        return new UserFeatures(c, ptr, [.. index], [.. value]);
    }

    private static bool HasMass(ReadOnlySpan<double> distribution)
    {
        foreach (var p in distribution)
        {
            if (p > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Funnel and conversion events bucketed by user (counting sort); other kinds are dropped.</summary>
    private static (int[] Ptr, int[] Order) EventsByUser(OutcomeEvents? outcomes, int userCount)
    {
        var ptr = new int[userCount + 1];
        if (outcomes is null)
        {
            return (ptr, []);
        }

        if (outcomes.Items.Length != outcomes.Users.Length || outcomes.Kinds.Length != outcomes.Users.Length)
        {
            throw new ArgumentException("Users, items and kinds must have the same length.", nameof(outcomes));
        }

        for (var e = 0; e < outcomes.Users.Length; e++)
        {
            if (Counts(outcomes, e, userCount))
            {
                ptr[outcomes.Users[e] + 1]++;
            }
        }

        for (var u = 0; u < userCount; u++)
        {
            ptr[u + 1] += ptr[u];
        }

        var order = new int[ptr[userCount]];
        var next = (int[])ptr.Clone();
        for (var e = 0; e < outcomes.Users.Length; e++)
        {
            if (Counts(outcomes, e, userCount))
            {
                order[next[outcomes.Users[e]]++] = e;
            }
        }

        return (ptr, order);
    }

    private static bool Counts(OutcomeEvents outcomes, int e, int userCount)
    {
        if ((uint)outcomes.Users[e] >= (uint)userCount)
        {
            throw new ArgumentOutOfRangeException(nameof(outcomes), $"Event user {outcomes.Users[e]} outside [0, {userCount}).");
        }

        var kind = outcomes.Kinds[e];
        return kind == outcomes.FunnelKind || kind == outcomes.ConversionKind;
    }
}
