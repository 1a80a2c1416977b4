namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// The hidden tastes of a generated data set (<see cref="SampleDataGenerator.Tastes"/>): how much each generated
/// end-user likes each generated item, and how likely they are to click it or buy it when it is shown — by the
/// same formulas the generator's shopping journeys follow, planted bias included. Simulations that must behave
/// like the people in the data (the demo's campaign feedback) ask this rather than guessing, so a recommender that
/// learnt those tastes really does better than one that did not. Users and items are known by their generated ids
/// ("u00001", "i0001") as well as by index. Immutable; safe to share.
/// </summary>
public sealed class SampleTastes
{
    private readonly int _factors;
    private readonly int _categoryCount;
    private readonly int _biasCategory;
    private readonly float[] _userFactors;
    private readonly float[] _categoryTaste;
    private readonly bool[] _isBiased;
    private readonly float[] _itemFactors;
    private readonly int[] _itemCategory;
    private readonly string[] _userIds;
    private readonly Dictionary<string, int> _users;
    private readonly Dictionary<string, int> _items;
    private readonly double _clickLogit;
    private readonly double _cartLogit;
    private readonly double _purchaseLogit;
    private readonly double _lift;

    internal SampleTastes(SampleCatalogTemplate template, int factors, SampleCatalogue catalogue, SamplePopulation population, int biasCategory)
    {
        _factors = factors;
        _categoryCount = template.Categories.Count;
        _biasCategory = biasCategory;
        _userFactors = population.Factors;
        _categoryTaste = population.CategoryTaste;
        _isBiased = population.IsBiased;
        _itemFactors = catalogue.Factors;
        _itemCategory = catalogue.Category;
        _userIds = [.. population.Users.Select(u => u.ExternalId)];
        _users = Index(_userIds);
        _items = Index(catalogue.Items.Select(i => i.ExternalId));
        _clickLogit = Logit(template.ClickRate);
        _cartLogit = Logit(template.AddToCartRate);
        _purchaseLogit = Logit(template.PurchaseRate);
        _lift = template.AffinityLift;
    }

    public int UserCount => _isBiased.Length;

    public int ItemCount => _itemCategory.Length;

    /// <summary>The id the generator gave the end-user at <paramref name="index"/> ("u00042"), as its data source sends it.</summary>
    public string UserId(int index) => _userIds[index];

    /// <summary>The index of the generated end-user with this id ("u00042"), or false for an id the generator did not make.</summary>
    public bool TryUser(string externalId, out int index) => _users.TryGetValue(externalId, out index);

    /// <summary>The index of the generated item with this id ("i0042"), or false for an id the generator did not make.</summary>
    public bool TryItem(string externalId, out int index) => _items.TryGetValue(externalId, out index);

    /// <summary>
    /// How much the end-user likes the item: their taste for its category plus the dot product of their taste vectors,
    /// squashed into (−2.5, 2.5). Positive means more than a typical pair; the generator picks items in proportion to
    /// popularity × e^affinity.
    /// </summary>
    public double Affinity(int user, int item)
    {
        var raw = (double)_categoryTaste[(user * _categoryCount) + _itemCategory[item]];
        var userOffset = user * _factors;
        var itemOffset = item * _factors;
        for (var f = 0; f < _factors; f++)
        {
            raw += _userFactors[userOffset + f] * _itemFactors[itemOffset + f];
        }

        return SampleDataGenerator.MaxAffinity * Math.Tanh(raw / SampleDataGenerator.MaxAffinity);
    }

    /// <summary>The generator's view → click step: the chance that the end-user clicks the item once they have looked at it.</summary>
    public double ClickProbability(int user, int item) => Sigmoid(_clickLogit + (_lift * Affinity(user, item)));

    /// <summary>
    /// The generator's click → add-to-cart → purchase steps: the chance that a click ends in a purchase, held down
    /// for the planted bias's group in its category exactly as in the generated history.
    /// </summary>
    public double PurchaseProbability(int user, int item)
    {
        var affinity = Affinity(user, item);
        var purchase = Sigmoid(_cartLogit + (_lift * affinity)) * Sigmoid(_purchaseLogit + (_lift * affinity));
        return _isBiased[user] && _itemCategory[item] == _biasCategory ? purchase * SampleDataGenerator.BiasRateMultiplier : purchase;
    }

    private static Dictionary<string, int> Index(IEnumerable<string> ids)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            index.Add(id, index.Count);
        }

        return index;
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
