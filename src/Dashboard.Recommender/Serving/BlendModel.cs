using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Reranking;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// A fitted blend, immutable and safe to share between threads: recommends for end-users by external
/// id, explains each item, finds similar items, and saves to / loads from one versioned, checksummed
/// stream (<see cref="Save"/>, <see cref="Load"/>).
/// <para>
/// Fresh recommendations between trainings: <see cref="RecommendOptions.RecentEvents"/> of a known
/// end-user are added to their training history. EASE and item-kNN score that longer history directly;
/// implicit ALS folds the end-user's vector in by one least-squares solve; popularity, trending,
/// user-kNN, the rating models, content-based and the learned ranker keep their trained scores. Every
/// recent item counts as seen. Items the model does not know wait for the next training, and an
/// end-user the model does not know gets the popularity fallback whatever their recent events.
/// </para>
/// </summary>
public sealed class BlendModel
{
    internal const string FormatName = "blend-model";
    internal const int FormatVersion = 1;

    private const int BecauseCount = 3;

    private readonly IdMap _users;
    private readonly IdMap _items;
    private readonly ItemDetails[] _details;
    private readonly InteractionMatrix _history;
    private readonly IRecommender _popularity;
    private readonly FittedComponent[] _components;
    private readonly ItemCategories _categories;
    private readonly Dictionary<string, int> _categoryIndex;
    private readonly bool[] _isLongTail;
    private readonly RerankPipeline _select;
    private readonly ConcurrentDictionary<int, RerankPipeline> _selectByCap = new();
    private readonly EventWeights _eventWeights;

    internal BlendModel(
        string engineVersion,
        BlendSpec spec,
        IdMap users,
        IdMap items,
        ItemDetails[] details,
        InteractionMatrix history,
        int interactionCount,
        IRecommender popularity,
        FittedComponent[] components)
    {
        EngineVersion = engineVersion;
        Spec = spec;
        PersonalisesLists = spec.Components.Any(c => c.Weight > 0 && c.Kind is not (ComponentKind.Popularity or ComponentKind.Trending));
        _users = users;
        _items = items;
        _details = details;
        _history = history;
        InteractionCount = interactionCount;
        _popularity = popularity;
        _components = components;
        _eventWeights = spec.ToEventWeights();

        var metadata = new Dictionary<int, ItemMetadata>();
        for (var i = 0; i < details.Length; i++)
        {
            if (details[i].Categories.Count > 0)
            {
                metadata[i] = new ItemMetadata(details[i].Title, details[i].Categories);
            }
        }

        _categories = ItemCategories.FromMetadata(metadata, items.Count);
        _categoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < _categories.Names.Count; c++)
        {
            _categoryIndex[_categories.Names[c]] = c;
        }

        var degrees = new int[history.ItemCount];
        var activeUsers = 0;
        for (var i = 0; i < degrees.Length; i++)
        {
            degrees[i] = history.ItemDegree(i);
        }

        for (var u = 0; u < history.UserCount; u++)
        {
            activeUsers += history.UserDegree(u) > 0 ? 1 : 0;
        }

        EndUserCount = activeUsers;
        _isLongTail = LongTail.Classify(degrees);

        _select = ServedRanking.SelectRules(spec.Rerank, _categories, () => ItemSimilarity.CoOccurrenceCosine(_history));
    }

    /// <summary>The engine build that serves and writes models: the assembly version and the saved format's version.</summary>
    public static string CurrentEngineVersion { get; } =
        $"{typeof(BlendModel).Assembly.GetName().Version?.ToString() ?? "0.0.0.0"}+{FormatName}.{FormatVersion}";

    /// <summary>The engine build that trained the model.</summary>
    public string EngineVersion { get; }

    public BlendSpec Spec { get; }

    /// <summary>End-users with at least one counted interaction (the ones it personalises for).</summary>
    public int EndUserCount { get; }

    public int ItemCount => _items.Count;

    /// <summary>Counted interaction rows it was trained on (event types weighted above zero).</summary>
    public int InteractionCount { get; }

    /// <summary>True when the model has history for the end-user and so personalises their list.</summary>
    public bool KnowsEndUser(string endUserId)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        var u = _users.IndexOf(endUserId);
        return u >= 0 && _history.UserDegree(u) > 0;
    }

    public bool KnowsItem(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return _items.IndexOf(itemId) >= 0;
    }

    /// <summary>Top <paramref name="count"/> items for the end-user, each with its explanation.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1–<see cref="BlendSpec.MaxListSize"/>.</exception>
    /// <summary>
    /// True when a weighted component ranks by the end-user's own history; a blend of popularity and trending
    /// alone gives everyone the same order, so its lists are not called personalised.
    /// </summary>
    public bool PersonalisesLists { get; }

    public RecommendationList Recommend(string endUserId, int count, RecommendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        if (count is < 1 or > BlendSpec.MaxListSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Ask for 1 to {BlendSpec.MaxListSize} items.");
        }

        options ??= new RecommendOptions();
        var user = options.Personalise ? _users.IndexOf(endUserId) : -1;
        var known = user >= 0 && _history.UserDegree(user) > 0;
        var row = known ? HistoryRow(user, options.RecentEvents) : default;
        var excluded = CategoryIndices(options.ExcludeCategories);
        var scored = Score(user, known, row, noConsent: !options.Personalise);
        if (scored is null)
        {
            return new RecommendationList(endUserId, false, [], []);
        }

        var ranked = Rank(scored, row, excluded, count, null, Resolve(options.Rules));
        var because = Because(scored, row, ranked.Final, options.ExplainByHistory);
        var items = new RecommendedItem[ranked.Final.Count];
        for (var r = 0; r < items.Length; r++)
        {
            items[r] = Describe(scored, ranked, because, r);
        }

        return new RecommendationList(endUserId, known && PersonalisesLists, items, ListRules(known, row, excluded, ranked));
    }

    /// <summary>
    /// Items most often interacted with by the end-users who interacted with <paramref name="itemId"/>
    /// (cosine of the items' end-user sets), best first; empty for an item the model does not know.
    /// </summary>
    public IReadOnlyList<RecommendedItem> SimilarItems(string itemId, int count)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        if (count is < 1 or > BlendSpec.MaxListSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Ask for 1 to {BlendSpec.MaxListSize} items.");
        }

        var item = _items.IndexOf(itemId);
        if (item < 0)
        {
            return [];
        }

        var co = new float[_history.ItemCount];
        foreach (var u in _history.UsersOf(item))
        {
            foreach (var j in _history.ItemsOf(u))
            {
                co[j]++;
            }
        }

        var degree = (double)_history.ItemDegree(item);
        for (var j = 0; j < co.Length; j++)
        {
            co[j] = co[j] > 0 && j != item ? (float)(co[j] / Math.Sqrt(degree * _history.ItemDegree(j))) : float.NaN;
        }

        var top = TopN.Select(co, count, null);
        var explanation = new RecommendationExplanation(DataBasis.ItemToItem, [], []);
        var result = new RecommendedItem[top.Length];
        for (var r = 0; r < top.Length; r++)
        {
            var d = _details[top[r].Item];
            result[r] = new RecommendedItem(_items.IdAt(top[r].Item), d.Title, d.Categories, top[r].Score, r + 1, ["similar-item"], explanation);
        }

        return result;
    }

    /// <summary>
    /// The same fitted model with its end-users renamed by <paramref name="rename"/> (e.g. raw ids replaced by their
    /// pseudonyms): every list, score and explanation stays as it was, only the names the end-users are asked by change.
    /// The items and fitted components are shared, not copied.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="rename"/> gives two end-users the same name.</exception>
    public BlendModel WithEndUserIds(Func<string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        var users = new IdMap();
        foreach (var id in _users.Ids)
        {
            users.GetOrAdd(rename(id));
        }

        if (users.Count != _users.Count)
        {
            throw new ArgumentException("The renaming gives two end-users the same id.", nameof(rename));
        }

        return new BlendModel(EngineVersion, Spec, users, _items, _details, _history, InteractionCount, _popularity, _components);
    }

    /// <summary>True when the end-user is in the model's id map, whether or not any of their events counted.</summary>
    public bool HoldsEndUser(string endUserId)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        return _users.IndexOf(endUserId) >= 0;
    }

    /// <summary>
    /// A copy of this model that no longer holds the given end-users (an erasure): their ids leave the id map (each
    /// index keeps a placeholder that names nobody, so the components' indices stay valid), their training rows are
    /// emptied and every component drops what it kept per end-user — factors, biases, copied rows — so they get the
    /// non-personalised fallback like anyone the model does not know, and nothing saved from the copy names them.
    /// Item-side state learned with their help (item factors, similarities, popularity) stays until the next
    /// training, which no longer reads their data. This model is not changed (requests may be reading it); when it
    /// holds none of the end-users it is returned as it is.
    /// </summary>
    public BlendModel WithoutEndUsers(IEnumerable<string> endUserIds)
    {
        ArgumentNullException.ThrowIfNull(endUserIds);
        var forget = IndicesOf(endUserIds);
        if (forget.Count == 0)
        {
            return this;
        }

        // A deep copy through the saved form: the components are then instances no request holds, safe to change.
        BlendModel copy;
        using (var buffer = new MemoryStream())
        {
            Save(buffer);
            buffer.Position = 0;
            copy = Load(buffer);
        }

        return copy.Forgetting(forget);
    }

    /// <summary>
    /// Reads a saved model (<see cref="Load"/>) and returns it without the given end-users, as
    /// <see cref="WithoutEndUsers"/> does but without the copy (the model just read is nobody else's); null when the
    /// saved model holds none of them, so there is nothing to rewrite.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a blend model, is truncated or was altered.</exception>
    public static BlendModel? LoadWithoutEndUsers(Stream stream, IEnumerable<string> endUserIds)
    {
        ArgumentNullException.ThrowIfNull(endUserIds);
        var model = Load(stream);
        var forget = model.IndicesOf(endUserIds);
        return forget.Count == 0 ? null : model.Forgetting(forget);
    }

    private HashSet<int> IndicesOf(IEnumerable<string> endUserIds)
    {
        var indices = new HashSet<int>();
        foreach (var id in endUserIds)
        {
            if (id is not null && _users.IndexOf(id) is var u && u >= 0)
            {
                indices.Add(u);
            }
        }

        return indices;
    }

    /// <summary>A model over this one's components after they dropped the end-users; only for an instance no request holds.</summary>
    private BlendModel Forgetting(HashSet<int> forget)
    {
        var ids = new string[_users.Count];
        for (var u = 0; u < ids.Length; u++)
        {
            ids[u] = forget.Contains(u) ? ErasedPlaceholder(u) : _users.IdAt(u);
        }

        foreach (var component in _components)
        {
            if (component.Model is IForgetsUsers model)
            {
                foreach (var u in forget)
                {
                    model.ForgetUser(u);
                }
            }
        }

        var kept = new List<Rating>(_history.NonZeroCount);
        foreach (var rating in _history.ToRatings())
        {
            if (!forget.Contains(rating.User))
            {
                kept.Add(rating);
            }
        }

        var history = InteractionMatrix.Build(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept), _history.UserCount, _history.ItemCount);
        return new BlendModel(EngineVersion, Spec, new IdMap(ids), _items, _details, history, InteractionCount, _popularity, _components);
    }

    /// <summary>Writes the whole model: header, payload length, SHA-256 of the payload, payload.</summary>
    public void Save(Stream stream) => BlendModelFormat.Write(this, stream);

    /// <exception cref="InvalidDataException">The stream is not a blend model, is truncated or was altered.</exception>
    public static BlendModel Load(Stream stream) => BlendModelFormat.Read(stream);

    internal IdMap Users => _users;

    internal IdMap Items => _items;

    internal IReadOnlyList<ItemDetails> Details => _details;

    internal InteractionMatrix History => _history;

    internal IRecommender Popularity => _popularity;

    internal IReadOnlyList<FittedComponent> Components => _components;

    /// <summary>The served list in dense indices (re-ranked, no explanations), for evaluation.</summary>
    internal IReadOnlyList<ScoredItem> ListFor(int user, int count, Func<int, bool> allow)
    {
        var known = (uint)user < (uint)_history.UserCount && _history.UserDegree(user) > 0;
        var row = known ? HistoryRow(user, []) : default;
        var scored = Score(user, known, row);
        if (scored is null)
        {
            return [];
        }

        var ranked = Rank(scored, row, null, count, allow);
        var list = new ScoredItem[ranked.Final.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new ScoredItem(ranked.Final[i].Item, scored.Blended[ranked.Final[i].Item]);
        }

        return list;
    }

    /// <summary>
    /// The end-user's <paramref name="pool"/> best-scored allowed items by blended score, best first, before the
    /// long-tail boost and the select rules (what <see cref="ListFor"/> re-ranks, for an audit snapshot).
    /// </summary>
    internal ScoredItem[] CandidatesFor(int user, int pool, Func<int, bool> allow)
    {
        var known = (uint)user < (uint)_history.UserCount && _history.UserDegree(user) > 0;
        var row = known ? HistoryRow(user, []) : default;
        var scored = Score(user, known, row);
        return scored is null ? [] : Candidates(scored, row, null, pool, allow);
    }

    /// <summary>Long-tail flag per item, as the boost reads it.</summary>
    internal IReadOnlyList<bool> IsLongTail => _isLongTail;

    /// <summary>The catalogue's categories as the cap and MMR read them.</summary>
    internal ItemCategories Categories => _categories;

    /// <summary>
    /// What stands in the id map for an erased end-user: only the index, behind a NUL character — a control
    /// character, which the dashboard refuses in any id it is sent — so it names nobody and meets no real id.
    /// </summary>
    private static string ErasedPlaceholder(int index) => string.Create(CultureInfo.InvariantCulture, $"\0erased-{index}");

    /// <summary>The end-user's training row plus recent events on known items, sorted by item, values summed.</summary>
    private Row HistoryRow(int user, IReadOnlyList<RecentEvent> recent)
    {
        var items = _history.ItemsOf(user);
        var values = _history.ValuesOf(user);
        if (recent.Count == 0)
        {
            return new Row(items.ToArray(), values.ToArray(), false);
        }

        var merged = new SortedDictionary<int, float>();
        for (var k = 0; k < items.Length; k++)
        {
            merged[items[k]] = values[k];
        }

        var changed = false;
        foreach (var e in recent)
        {
            var item = e.ItemId is null ? -1 : _items.IndexOf(e.ItemId);
            var weight = EventValue(e);
            if (item < 0 || !(weight > 0))
            {
                continue;
            }

            merged[item] = merged.GetValueOrDefault(item) + weight;
            changed = true;
        }

        return new Row([.. merged.Keys], [.. merged.Values], changed);
    }

    /// <summary>What an event adds to the implicit matrix, as in training (see <see cref="TrainingData"/>).</summary>
    private float EventValue(RecentEvent e)
    {
        if (e.EventType is null || !_eventWeights.TryGetWeight(e.EventType, out var weight))
        {
            return 0;
        }

        var isRating = EventNameComparer.Instance.Equals(e.EventType.Trim(), TrainingData.RatingEventType);
        return (float)(isRating ? weight : weight * e.Value);
    }

    private int[]? CategoryIndices(IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return null;
        }

        var indices = new List<int>();
        foreach (var name in names)
        {
            if (name is not null && _categoryIndex.TryGetValue(name, out var c))
            {
                indices.Add(c);
            }
        }

        return [.. indices];
    }

    private bool InAny(int item, int[] categories)
    {
        foreach (var c in categories)
        {
            if (_categories.IsIn(item, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Raw, normalised and blended scores of the components serving the end-user; null when nothing serves them.</summary>
    private Scored? Score(int user, bool known, Row row, bool noConsent = false)
    {
        FittedComponent[] components;
        if (known)
        {
            components = _components;
        }
        else if (Spec.PopularityFallback || noConsent)
        {
            components = [new FittedComponent(new ComponentSpec(ComponentKind.Popularity, 1), _popularity)];
        }
        else
        {
            return null;
        }

        var n = _items.Count;
        var normalized = new float[components.Length][];
        var weights = new double[components.Length];
        for (var c = 0; c < components.Length; c++)
        {
            var scores = new float[n];
            ScoreComponent(components[c].Model, known ? user : 0, row, scores);
            ScoreNormalizer.Normalize(scores, Spec.Normalization);
            normalized[c] = scores;
            weights[c] = components[c].Spec.Weight;
        }

        var blended = new float[n];
        Span<float> values = stackalloc float[components.Length];
        for (var item = 0; item < n; item++)
        {
            for (var c = 0; c < components.Length; c++)
            {
                values[c] = normalized[c][item];
            }

            blended[item] = WeightedBlend.Combine(values, weights);
        }

        return new Scored(known, components, normalized, blended, noConsent);
    }

    private static void ScoreComponent(IRecommender model, int user, Row row, Span<float> scores)
    {
        if (row.HasRecentEvents)
        {
            switch (model)
            {
                case Ease ease:
                    ease.ScoreHistory(row.Items, row.Values, scores);
                    return;
                case ItemKnn itemKnn:
                    itemKnn.ScoreHistory(user, row.Items, row.Values, scores);
                    return;
                case ImplicitAls als:
                    als.ScoreFoldIn(row.Items, row.Values, scores);
                    return;
            }
        }

        ((IDenseScorer)model).ScoreEveryItem(user, scores);
    }

    /// <summary>
    /// Candidates (not seen when excluded, not in excluded categories, allowed), long-tail boost, the
    /// order before the select rules, and the final list after category caps and diversity.
    /// </summary>
    private Ranked Rank(Scored scored, Row row, int[]? excluded, int count, Func<int, bool>? allow, CampaignMask? campaign = null)
    {
        var rerank = campaign?.Cap is { } cap ? Spec.Rerank with { MaxPerCategory = cap } : Spec.Rerank;
        var candidates = Candidates(scored, row, excluded, ServedRanking.PoolSize(rerank, count, _items.Count), allow, campaign);
        var boost = (float)Spec.Rerank.LongTailBoost;
        var select = campaign?.Cap is { } c
            ? _selectByCap.GetOrAdd(c, static (k, model) => ServedRanking.SelectRules(
                model.Spec.Rerank with { MaxPerCategory = k }, model._categories, () => ItemSimilarity.CoOccurrenceCosine(model._history)), this)
            : _select;
        var (before, selected) = ServedRanking.Apply(candidates, _isLongTail, boost, select, count);
        if (campaign is not { Pins.Length: > 0 })
        {
            return new Ranked(before, selected, boost > 0, selected, campaign);
        }

        // Pins go last, each to its position, so nothing after them can move a promoted item.
        var final = new List<ScoredItem>(selected);
        foreach (var (item, position) in campaign.Pins)
        {
            if (!MayShow(item, scored, row, excluded, campaign) || (allow is not null && !allow(item)))
            {
                continue;
            }

            final.RemoveAll(s => s.Item == item);
            // A position past the list's length takes its last place.
            final.Insert(Math.Min(position - 1, Math.Min(final.Count, count - 1)), new ScoredItem(item, scored.Blended[item]));
        }

        if (final.Count > count)
        {
            final.RemoveRange(count, final.Count - count);
        }

        return new Ranked(before, final, boost > 0, selected, campaign);
    }

    /// <summary>Whether the list may hold <paramref name="item"/> at all: not seen (when seen items are left out), not excluded by category or by the campaign.</summary>
    private bool MayShow(int item, Scored scored, Row row, int[]? excluded, CampaignMask campaign) =>
        !(Spec.Rerank.ExcludeSeen && scored.Known && Array.BinarySearch(row.Items, item) >= 0)
        && (excluded is null || !InAny(item, excluded))
        && (campaign.Include is null || InAny(item, campaign.Include))
        && !campaign.ExcludeItems.Contains(item);

    /// <summary>The campaign's rules in dense indices; null when there are none.</summary>
    private CampaignMask? Resolve(ListRules? rules)
    {
        if (rules is null || rules.IsEmpty)
        {
            return null;
        }

        var include = rules.IncludeCategories.Count > 0 ? CategoryIndices(rules.IncludeCategories) ?? [] : null;
        var excludeItems = new HashSet<int>();
        foreach (var id in rules.ExcludeItems)
        {
            if (id is not null && _items.IndexOf(id) is var i and >= 0)
            {
                excludeItems.Add(i);
            }
        }

        var boosts = new Dictionary<int, float>();
        foreach (var b in rules.Boosts)
        {
            if (b?.ItemId is not null && _items.IndexOf(b.ItemId) is var i and >= 0 && double.IsFinite(b.Boost) && b.Boost > 0)
            {
                boosts[i] = (float)b.Boost;
            }
        }

        var pins = new List<(int, int)>();
        foreach (var p in rules.Pins.Where(p => p?.ItemId is not null && p.Position >= 1).OrderBy(p => p.Position))
        {
            if (_items.IndexOf(p.ItemId) is var i and >= 0)
            {
                pins.Add((i, p.Position));
            }
        }

        return new CampaignMask(include, excludeItems, boosts, [.. pins], rules.MaxPerCategory is > 0 ? rules.MaxPerCategory : null);
    }

    /// <summary>The <paramref name="pool"/> best-scored items left after the exclusions, best first, before any re-ranking.</summary>
    private ScoredItem[] Candidates(Scored scored, Row row, int[]? excluded, int pool, Func<int, bool>? allow, CampaignMask? campaign = null)
    {
        // Left-out items are masked as NaN (which selection skips) rather than tested per item.
        var candidateScores = (float[])scored.Blended.Clone();
        if (Spec.Rerank.ExcludeSeen && scored.Known)
        {
            foreach (var item in row.Items)
            {
                candidateScores[item] = float.NaN;
            }
        }

        if (excluded is not null)
        {
            for (var item = 0; item < candidateScores.Length; item++)
            {
                if (InAny(item, excluded))
                {
                    candidateScores[item] = float.NaN;
                }
            }
        }

        if (campaign is not null)
        {
            for (var item = 0; item < candidateScores.Length; item++)
            {
                if ((campaign.Include is not null && !InAny(item, campaign.Include)) || campaign.ExcludeItems.Contains(item))
                {
                    candidateScores[item] = float.NaN;
                }
            }

            foreach (var (item, boost) in campaign.Boosts)
            {
                candidateScores[item] += boost;
            }
        }

        return TopN.Select(candidateScores, pool, allow);
    }

    private RecommendedItem Describe(Scored scored, Ranked ranked, BecauseItem[][][] because, int rank)
    {
        var item = ranked.Final[rank].Item;
        var present = 0.0;
        for (var c = 0; c < scored.Components.Length; c++)
        {
            if (!float.IsNaN(scored.Normalized[c][item]))
            {
                present += scored.Components[c].Spec.Weight;
            }
        }

        var shares = new ComponentShare[scored.Components.Length];
        for (var c = 0; c < shares.Length; c++)
        {
            var component = scored.Components[c];
            var normalized = scored.Normalized[c][item];
            var descriptor = ComponentCatalog.Describe(component.Spec.Kind);
            var share = float.IsNaN(normalized) || present <= 0 ? 0 : component.Spec.Weight / present * normalized;
            shares[c] = new ComponentShare(component.Spec.Kind, descriptor.DisplayName, component.Spec.Weight, share, because[c][rank]);
        }

        var rules = new List<AppliedRule>();
        var codes = new List<string>();
        if (!scored.Known)
        {
            codes.Add("popular-fallback");
        }
        else
        {
            foreach (var s in shares.Where(s => s.Share > 0).OrderByDescending(s => s.Share).Take(2))
            {
                var code = ReasonCode(s.Kind);
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
        }

        if (ranked.Boosted && _isLongTail[item])
        {
            rules.Add(new AppliedRule(
                RuleKind.LongTailBoost,
                $"Raised by {Spec.Rerank.LongTailBoost.ToString("0.##", CultureInfo.InvariantCulture)} as a less-known item."));
            codes.Add("long-tail-boost");
        }

        if (ranked.Campaign is { } campaign && campaign.Boosts.TryGetValue(item, out var promoted))
        {
            rules.Add(new AppliedRule(
                RuleKind.CampaignBoost, $"Raised by {promoted.ToString("0.##", CultureInfo.InvariantCulture)} because the campaign promotes it."));
            codes.Add("promoted");
        }

        var to = rank + 1;
        var pinned = ranked.Campaign is { Pins.Length: > 0 } && ranked.Campaign.Pins.Any(p => p.Item == item);
        if (pinned)
        {
            rules.Add(new AppliedRule(RuleKind.CampaignPin, $"Put at rank {to} because the campaign pins it there."));
            codes.Add("pinned");
        }

        // Moves are judged on the list before pins: an item pushed down one place by a pinned item was not moved by diversity or a cap.
        var from = ranked.Before.FindIndex(s => s.Item == item) + 1;
        var selectedRank = pinned ? from : IndexOf(ranked.Selected, item) + 1;
        if (from != selectedRank)
        {
            var diversity = Spec.Rerank.MmrLambda < 1;
            rules.Add(diversity
                ? new AppliedRule(RuleKind.Diversity, $"Moved by diversity from rank {from} to {selectedRank}.", from, selectedRank)
                : new AppliedRule(RuleKind.CategoryCap, $"Moved from rank {from} to {selectedRank} because items of a full category were skipped.", from, selectedRank));
            codes.Add(diversity ? "diversified" : "category-cap");
        }

        var details = _details[item];
        return new RecommendedItem(
            _items.IdAt(item),
            details.Title,
            details.Categories,
            scored.Blended[item],
            to,
            codes,
            new RecommendationExplanation(
                scored.NoConsent ? DataBasis.NoConsent : !scored.Known ? DataBasis.FallbackNewEndUser : PersonalisesLists ? DataBasis.Personalised : DataBasis.PopularityOnly, shares, rules));
    }

    /// <summary>
    /// For each history-based component and each listed item, the history items with the largest
    /// positive part in that component's score: EASE weights, item-kNN similarities (walking the item's
    /// short neighbour list), or implicit ALS's per-item terms from one fold-in shared by the list.
    /// </summary>
    private BecauseItem[][][] Because(Scored scored, Row row, IReadOnlyList<ScoredItem> list, bool wanted)
    {
        var result = new BecauseItem[scored.Components.Length][][];
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = new BecauseItem[list.Count][];
            var model = scored.Components[c].Model;
            var explains = wanted && scored.Known && ComponentCatalog.Describe(scored.Components[c].Spec.Kind).ExplainsByHistory;
            float[]? alsParts = null;
            if (explains && model is ImplicitAls als)
            {
                var targets = new int[list.Count];
                for (var t = 0; t < targets.Length; t++)
                {
                    targets[t] = list[t].Item;
                }

                alsParts = new float[targets.Length * row.Items.Length];
                als.ExplainByHistory(row.Items, row.Values, targets, alsParts);
            }

            for (var t = 0; t < list.Count; t++)
            {
                result[c][t] = explains
                    ? Top(model, list[t].Item, row, alsParts is null ? default : alsParts.AsSpan(t * row.Items.Length, row.Items.Length))
                    : [];
            }
        }

        return result;
    }

    private BecauseItem[] Top(IRecommender model, int item, Row row, ReadOnlySpan<float> alsParts)
    {
        var parts = new List<(float Part, int Item)>();
        switch (model)
        {
            case Ease ease:
                for (var k = 0; k < row.Items.Length; k++)
                {
                    parts.Add((ease.Weight(row.Items[k], item) * (ease.Options.Binarize ? 1f : row.Values[k]), row.Items[k]));
                }

                break;
            case ItemKnn knn:
                var (ids, similarities) = knn.NeighborsWithSimilarities(item);
                for (var n = 0; n < ids.Length; n++)
                {
                    var k = Array.BinarySearch(row.Items, ids.Span[n]);
                    if (k >= 0)
                    {
                        parts.Add((similarities.Span[n] * (knn.Options.Binarize ? 1f : row.Values[k]), row.Items[k]));
                    }
                }

                break;
            case ImplicitAls:
                for (var k = 0; k < alsParts.Length; k++)
                {
                    parts.Add((alsParts[k], row.Items[k]));
                }

                break;
        }

        parts.RemoveAll(static p => !(p.Part > 0));
        parts.Sort(static (a, b) => b.Part.CompareTo(a.Part) is var byPart && byPart != 0 ? byPart : a.Item.CompareTo(b.Item));
        var result = new BecauseItem[Math.Min(BecauseCount, parts.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new BecauseItem(_items.IdAt(parts[i].Item), _details[parts[i].Item].Title);
        }

        return result;
    }

    private List<AppliedRule> ListRules(bool known, Row row, int[]? excluded, Ranked ranked)
    {
        var rules = new List<AppliedRule>();
        if (known && Spec.Rerank.ExcludeSeen && row.Items.Length > 0)
        {
            rules.Add(new AppliedRule(
                RuleKind.ExcludedSeen,
                $"Left out {Plural(row.Items.Length, "item")} the end-user already interacted with.",
                Count: row.Items.Length));
        }

        if (excluded is { Length: > 0 })
        {
            var count = 0;
            for (var i = 0; i < _items.Count; i++)
            {
                count += InAny(i, excluded) ? 1 : 0;
            }

            rules.Add(new AppliedRule(RuleKind.ExcludedCategory, $"Left out {Plural(count, "item")} of excluded categories.", Count: count));
        }

        if (ranked.Campaign is { } campaign && (campaign.Include is not null || campaign.ExcludeItems.Count > 0))
        {
            var count = 0;
            for (var i = 0; i < _items.Count; i++)
            {
                count += (campaign.Include is not null && !InAny(i, campaign.Include)) || campaign.ExcludeItems.Contains(i) ? 1 : 0;
            }

            rules.Add(new AppliedRule(RuleKind.CampaignFilter, $"Left out {Plural(count, "item")} the campaign does not offer.", Count: count));
        }

        if ((ranked.Campaign?.Cap ?? Spec.Rerank.MaxPerCategory) is { } cap && ranked.Selected.Count > 0)
        {
            var lastFrom = 0;
            var finalItems = new HashSet<int>();
            foreach (var s in ranked.Selected)
            {
                finalItems.Add(s.Item);
                lastFrom = Math.Max(lastFrom, ranked.Before.FindIndex(b => b.Item == s.Item));
            }

            var skipped = 0;
            for (var i = 0; i < lastFrom; i++)
            {
                skipped += finalItems.Contains(ranked.Before[i].Item) ? 0 : 1;
            }

            if (skipped > 0)
            {
                rules.Add(new AppliedRule(
                    RuleKind.CategoryCap,
                    $"Skipped {Plural(skipped, "item")} to keep at most {cap} per category.",
                    Count: skipped));
            }
        }

        return rules;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string ReasonCode(ComponentKind kind) => kind switch
    {
        ComponentKind.Popularity => "popular",
        ComponentKind.Trending => "trending",
        ComponentKind.UserKnn => "similar-customers",
        ComponentKind.ItemKnn or ComponentKind.Ease => "because-history",
        ComponentKind.ContentBased => "similar-content",
        ComponentKind.LearnedRanker => "ranked",
        _ => "taste-match",
    };

    private readonly record struct Row(int[] Items, float[] Values, bool HasRecentEvents)
    {
        public int[] Items { get; } = Items ?? [];

        public float[] Values { get; } = Values ?? [];
    }

    private sealed record Scored(bool Known, FittedComponent[] Components, float[][] Normalized, float[] Blended, bool NoConsent = false);

    /// <param name="Selected">The list after the select rules and before the campaign's pins.</param>
    private sealed record Ranked(List<ScoredItem> Before, IReadOnlyList<ScoredItem> Final, bool Boosted, IReadOnlyList<ScoredItem> Selected, CampaignMask? Campaign);

    /// <summary>A campaign's <see cref="ListRules"/> in dense indices: categories to keep (null: all), items to leave out, score boosts, pins by position, a cap.</summary>
    private sealed record CampaignMask(int[]? Include, HashSet<int> ExcludeItems, Dictionary<int, float> Boosts, (int Item, int Position)[] Pins, int? Cap);

    private static int IndexOf(IReadOnlyList<ScoredItem> list, int item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Item == item)
            {
                return i;
            }
        }

        return -1;
    }
}
