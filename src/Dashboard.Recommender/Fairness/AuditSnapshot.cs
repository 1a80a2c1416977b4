using System.Runtime.InteropServices;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// What a model version's bias audits run on, kept beside the model: anonymous rows, one per end-user
/// evaluated on the training's held-out split, with the candidate pool (the best-scored items by blended
/// score before any re-ranking, training history left out as the evaluation does), their scores, the held-out
/// relevant items and the end-user's group per sensitive attribute; every training end-user's history items
/// (calibration, and co-occurrence diversity when the catalogue has no categories); per item the training
/// popularity, the long-tail flag and the categories (names kept once); and the training outcome events.
/// It holds no end-user id, item id or item title, only dense indices, so it names nobody and survives an
/// erasure as it is.
/// <para>
/// <see cref="Audit"/> re-ranks every row with any <see cref="RerankSpec"/> through the code
/// <see cref="BlendModel"/> serves with, so under the version's own <see cref="Rerank"/> the lists are the
/// ones its evaluation measured. Immutable; <see cref="Audit"/> may run from several threads.
/// </para>
/// </summary>
public sealed class AuditSnapshot
{
    private readonly Lazy<InteractionMatrix> _coOccurrence;

    internal AuditSnapshot(
        int k,
        RerankSpec rerank,
        int[] popularity,
        bool[] isLongTail,
        ItemCategories categories,
        int[][] history,
        string[] attributeNames,
        string[][] groups,
        int[][] groupOfUser,
        int[] rowUser,
        int[] candidatePtr,
        int[] candidateItems,
        float[] candidateScores,
        int[] relevantPtr,
        int[] relevantItems,
        OutcomeEvents? outcomes)
    {
        K = k;
        Rerank = rerank;
        Popularity = popularity;
        LongTailFlags = isLongTail;
        Categories = categories;
        History = history;
        Names = attributeNames;
        Groups = groups;
        GroupOfUser = groupOfUser;
        RowUser = rowUser;
        CandidatePtr = candidatePtr;
        CandidateItems = candidateItems;
        CandidateScores = candidateScores;
        RelevantPtr = relevantPtr;
        RelevantItems = relevantItems;
        Outcomes = outcomes;
        _coOccurrence = new Lazy<InteractionMatrix>(BuildCoOccurrence, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>End-users with held-out interactions the audit scores (one row each).</summary>
    public int EvaluatedUsers => RowUser.Length;

    /// <summary>The sensitive attributes, in ordinal order of their names.</summary>
    public IReadOnlyList<string> AttributeNames => Names;

    /// <summary>The version's own re-ranking (the one its lists are served with).</summary>
    public RerankSpec Rerank { get; }

    /// <summary>The list length the audit cuts to and measures at.</summary>
    public int ListLength => K;

    internal int K { get; }

    internal int[] Popularity { get; }

    internal bool[] LongTailFlags { get; }

    internal ItemCategories Categories { get; }

    internal int[][] History { get; }

    internal string[] Names { get; }

    internal string[][] Groups { get; }

    internal int[][] GroupOfUser { get; }

    internal int[] RowUser { get; }

    internal int[] CandidatePtr { get; }

    internal int[] CandidateItems { get; }

    internal float[] CandidateScores { get; }

    internal int[] RelevantPtr { get; }

    internal int[] RelevantItems { get; }

    internal OutcomeEvents? Outcomes { get; }

    internal int ItemCount => Popularity.Length;

    internal int UserCount => History.Length;

    /// <summary>
    /// Builds the snapshot of a version from its evaluation: <paramref name="evaluationModel"/> is the blend fitted
    /// on <paramref name="train"/>, and the evaluated end-users are those with counted interactions in
    /// <paramref name="test"/> on items the model knows and did not see in training, as
    /// <see cref="BlendTrainer.Evaluate"/> counts them. Each row keeps the best
    /// max(<paramref name="candidatePool"/>, 5·k, 50) candidates, so any re-ranking the product offers can be
    /// audited later without the model.
    /// </summary>
    /// <param name="groups">End-user id → sensitive attribute → value (already generalised); null for none.</param>
    /// <param name="outcomes">The funnel and conversion event types; outcome events are kept only when the training data has both.</param>
    public static AuditSnapshot Build(
        BlendModel evaluationModel,
        TrainingData train,
        TrainingData test,
        int k,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? groups,
        OutcomeNames? outcomes = null,
        int candidatePool = 50,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluationModel);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, BlendSpec.MaxListSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidatePool, 1);

        var model = evaluationModel;
        var history = model.History;
        var itemCount = model.ItemCount;
        var pool = Math.Min(itemCount, Math.Max(candidatePool, ServedRanking.LargestPool(k, itemCount)));
        var (rowUser, relevantPtr, relevantItems) = HeldOut(model, test);

        var candidates = new ScoredItem[rowUser.Length][];
        Parallel.For(
            0,
            rowUser.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            r =>
            {
                var user = rowUser[r];
                candidates[r] = model.CandidatesFor(user, pool, item => !history.Contains(user, item));
            });

        var candidatePtr = new int[rowUser.Length + 1];
        for (var r = 0; r < candidates.Length; r++)
        {
            candidatePtr[r + 1] = candidatePtr[r] + candidates[r].Length;
        }

        var candidateItems = new int[candidatePtr[^1]];
        var candidateScores = new float[candidatePtr[^1]];
        for (var r = 0; r < candidates.Length; r++)
        {
            var at = candidatePtr[r];
            foreach (var c in candidates[r])
            {
                candidateItems[at] = c.Item;
                candidateScores[at++] = c.Score;
            }
        }

        var popularity = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            popularity[i] = history.ItemDegree(i);
        }

        var userHistory = new int[history.UserCount][];
        for (var u = 0; u < userHistory.Length; u++)
        {
            userHistory[u] = history.ItemsOf(u).ToArray();
        }

        var (names, groupNames, groupOfUser) = Attributes(model, groups);
        cancellationToken.ThrowIfCancellationRequested();
        return new AuditSnapshot(
            k,
            model.Spec.Rerank,
            popularity,
            [.. model.IsLongTail],
            model.Categories,
            userHistory,
            names,
            groupNames,
            groupOfUser,
            rowUser,
            candidatePtr,
            candidateItems,
            candidateScores,
            relevantPtr,
            relevantItems,
            outcomes is null ? null : OutcomeEventsOf(model, train, outcomes));
    }

    /// <summary>Writes the snapshot: a header with the format version, the payload's length and SHA-256, then the compressed payload.</summary>
    public void Write(Stream stream) => AuditSnapshotFormat.Write(this, stream);

    /// <exception cref="InvalidDataException">The stream is not an audit snapshot, is of another format version, truncated or altered.</exception>
    public static AuditSnapshot Read(Stream stream) => AuditSnapshotFormat.Read(stream);

    /// <summary>
    /// Re-ranks every row's candidates with <paramref name="rerank"/> as <see cref="BlendModel"/> serves (long-tail
    /// boost, category cap, MMR — over category cosine, or item co-occurrence in the training histories when the
    /// catalogue has no categories), cuts to the list length, scores precision, recall and NDCG against the held-out
    /// items and runs <see cref="FairnessAudit.Run"/> over the sensitive attributes. Already-seen items never come
    /// back whatever <see cref="RerankSpec.ExcludeSeen"/> says: like the evaluation, the audit judges lists of new
    /// items. Rows are re-ranked in parallel; the result does not depend on the number of threads.
    /// <paramref name="options"/> set the bootstrap and long-tail split; their cut-off is the snapshot's <see cref="ListLength"/>.
    /// </summary>
    public AuditRun Audit(RerankSpec rerank, FairnessThresholds thresholds, FairnessAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rerank);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!double.IsFinite(rerank.LongTailBoost) || rerank.LongTailBoost < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rerank), rerank.LongTailBoost, "The long-tail boost must be zero or a positive number.");
        }

        options = (options ?? new FairnessAuditOptions()) with { K = K };
        var perUser = Lists(rerank);
        double ndcg = 0, precision = 0;
        foreach (var m in perUser)
        {
            ndcg += m.Ndcg;
            precision += m.Precision;
        }

        var features = new SensitiveFeature[Names.Length];
        for (var a = 0; a < features.Length; a++)
        {
            features[a] = new SensitiveFeature(Names[a], Groups[a], GroupOfUser[a]);
        }

        var input = new FairnessAuditInput(UserCount, perUser, History, Popularity, Categories, Outcomes);
        var report = FairnessAudit.Run(input, features, thresholds, options);
        double n = perUser.Length == 0 ? double.NaN : perUser.Length;
        return new AuditRun(report, ndcg / n, precision / n, perUser.Length);
    }

    /// <summary>Every row's re-ranked list and its metrics at the list length, in row order (end-users ascending).</summary>
    /// <param name="maxThreads">At most this many rows at once; −1 for as many as the scheduler likes.</param>
    internal UserListMetrics[] Lists(RerankSpec rerank, int maxThreads = -1)
    {
        var select = ServedRanking.SelectRules(rerank, Categories, () => ItemSimilarity.CoOccurrenceCosine(_coOccurrence.Value));
        var pool = ServedRanking.PoolSize(rerank, K, ItemCount);
        var boost = (float)rerank.LongTailBoost;
        var perUser = new UserListMetrics[RowUser.Length];
        Parallel.For(
            0,
            RowUser.Length,
            new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => (Relevant: new HashSet<int>(), Candidates: new ScoredItem[pool]),
            (r, _, buffers) =>
            {
                var (relevant, candidates) = buffers;
                var start = CandidatePtr[r];
                var length = Math.Min(pool, CandidatePtr[r + 1] - start);
                for (var c = 0; c < length; c++)
                {
                    candidates[c] = new ScoredItem(CandidateItems[start + c], CandidateScores[start + c]);
                }

                var (_, final) = ServedRanking.Apply(candidates.AsSpan(0, length), LongTailFlags, boost, select, K);
                var list = new int[Math.Min(final.Count, K)];
                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = final[i].Item;
                }

                relevant.Clear();
                for (var e = RelevantPtr[r]; e < RelevantPtr[r + 1]; e++)
                {
                    relevant.Add(RelevantItems[e]);
                }

                perUser[r] = UserListMetrics.Measure(RowUser[r], list, relevant, K);
                return buffers;
            },
            _ => { });

        return perUser;
    }

    /// <summary>The evaluated end-users (ascending) and their distinct relevant items, as the top-n evaluation counts them.</summary>
    private static (int[] Users, int[] Ptr, int[] Items) HeldOut(BlendModel model, TrainingData test)
    {
        var userMap = new int[test.EndUserIds.Count];
        for (var u = 0; u < userMap.Length; u++)
        {
            userMap[u] = model.Users.IndexOf(test.EndUserIds[u]);
        }

        var itemMap = new int[test.ItemIds.Count];
        for (var i = 0; i < itemMap.Length; i++)
        {
            itemMap[i] = model.Items.IndexOf(test.ItemIds[i]);
        }

        var typeWeights = BlendTrainer.TypeWeights(test, model.Spec.ToEventWeights());
        var byUser = new SortedDictionary<int, SortedSet<int>>();
        for (var r = 0; r < test.Count; r++)
        {
            var user = userMap[test.Users[r]];
            var item = itemMap[test.Items[r]];
            if (user < 0 || item < 0 || !(typeWeights[test.EventTypes[r]] > 0) || model.History.Contains(user, item))
            {
                continue;
            }

            if (!byUser.TryGetValue(user, out var items))
            {
                byUser[user] = items = [];
            }

            items.Add(item);
        }

        var users = new int[byUser.Count];
        var ptr = new int[byUser.Count + 1];
        var all = new List<int>();
        var row = 0;
        foreach (var (user, items) in byUser)
        {
            users[row] = user;
            all.AddRange(items);
            ptr[++row] = all.Count;
        }

        return (users, ptr, [.. all]);
    }

    /// <summary>Attribute names (ordinal order), each attribute's group names (ordinal order) and every model end-user's group (−1 unknown).</summary>
    private static (string[] Names, string[][] Groups, int[][] GroupOfUser) Attributes(
        BlendModel model, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? groups)
    {
        if (groups is null || groups.Count == 0)
        {
            return ([], [], []);
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var attributes in groups.Values)
        {
            if (attributes is not null)
            {
                names.UnionWith(attributes.Keys);
            }
        }

        var nameList = names.ToArray();
        var userCount = model.Users.Count;
        var values = new string?[nameList.Length][];
        var groupNames = new string[nameList.Length][];
        var groupOfUser = new int[nameList.Length][];
        for (var a = 0; a < nameList.Length; a++)
        {
            values[a] = new string?[userCount];
            var distinct = new SortedSet<string>(StringComparer.Ordinal);
            for (var u = 0; u < userCount; u++)
            {
                if (groups.TryGetValue(model.Users.IdAt(u), out var attributes) && attributes is not null
                    && attributes.TryGetValue(nameList[a], out var value) && value is not null)
                {
                    values[a][u] = value;
                    distinct.Add(value);
                }
            }

            groupNames[a] = distinct.ToArray();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var g = 0; g < groupNames[a].Length; g++)
            {
                index[groupNames[a][g]] = g;
            }

            groupOfUser[a] = new int[userCount];
            for (var u = 0; u < userCount; u++)
            {
                groupOfUser[a][u] = values[a][u] is { } value ? index[value] : -1;
            }
        }

        return (nameList, groupNames, groupOfUser);
    }

    /// <summary>The training's funnel and conversion events in model indices; null unless the data has both kinds.</summary>
    private static OutcomeEvents? OutcomeEventsOf(BlendModel model, TrainingData train, OutcomeNames names)
    {
        var kindOfType = new int[train.EventTypeNames.Count];
        for (var t = 0; t < kindOfType.Length; t++)
        {
            var type = train.EventTypeNames[t];
            kindOfType[t] = EventNameComparer.Instance.Equals(type, names.Funnel) ? 0
                : EventNameComparer.Instance.Equals(type, names.Conversion) ? 1
                : -1;
        }

        var userMap = new int[train.EndUserIds.Count];
        for (var u = 0; u < userMap.Length; u++)
        {
            userMap[u] = model.Users.IndexOf(train.EndUserIds[u]);
        }

        var itemMap = new int[train.ItemIds.Count];
        for (var i = 0; i < itemMap.Length; i++)
        {
            itemMap[i] = model.Items.IndexOf(train.ItemIds[i]);
        }

        var users = new List<int>();
        var items = new List<int>();
        var kinds = new List<int>();
        var seen = new bool[2];
        for (var r = 0; r < train.Count; r++)
        {
            var kind = kindOfType[train.EventTypes[r]];
            var user = userMap[train.Users[r]];
            var item = itemMap[train.Items[r]];
            if (kind < 0 || user < 0 || item < 0)
            {
                continue;
            }

            users.Add(user);
            items.Add(item);
            kinds.Add(kind);
            seen[kind] = true;
        }

        return seen[0] && seen[1]
            ? new OutcomeEvents([.. users], [.. items], [.. kinds], 0, 1, names.Funnel, names.Conversion)
            : null;
    }

    /// <summary>The training histories as an item → end-users matrix, for co-occurrence diversity.</summary>
    private InteractionMatrix BuildCoOccurrence()
    {
        var ratings = new List<Rating>();
        for (var u = 0; u < History.Length; u++)
        {
            foreach (var item in History[u])
            {
                ratings.Add(new Rating(u, item, 1));
            }
        }

        return InteractionMatrix.Build(CollectionsMarshal.AsSpan(ratings), History.Length, ItemCount);
    }
}
