using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Produces a synthetic tenant — end-users, a catalogue and their interaction history — with enough
/// structure for recommenders and audits to find something, entirely in memory and deterministically
/// for a seed. It touches no database; a writer stores the result.
/// </summary>
/// <remarks>
/// <para>The model: every user and item has a hidden taste vector (normal, <see cref="SampleDataOptions.LatentFactors"/>
/// dimensions; item vectors are partly explained by their tags), users have a taste per category that
/// shifts with their age band, items follow a Zipf popularity curve and users a log-normal activity
/// level. Each journey picks a user by activity, then an item with probability proportional to
/// popularity × exp(affinity), and walks the view → click → add-to-cart → purchase funnel with
/// step probabilities that rise with affinity; some journeys are a 1–5 rating instead. Gender and
/// region never influence taste, so the only group effect on sensitive attributes is the planted one.</para>
/// <para>Planted bias: users whose <c>region</c> is <c>North</c> complete purchases in the template's
/// most expensive category (Electronics for retail) at 30 % of the rate their taste implies — the
/// add-to-cart → purchase step is suppressed, independently of affinity. Views, clicks and
/// add-to-carts are untouched, so comparing purchases per add-to-cart (or per view) in that category
/// across regions reveals it; the same comparison in any other category shows no gap.</para>
/// <para>Not the engine's <see cref="Dashboard.Recommender.Data.ScaleBenchmarkRatings"/>, which makes bare
/// ratings at benchmark sizes: this one makes a tenant people can look at and audit (who, what, when,
/// and a bias to find), which that one has no need of and could not afford at ten million rows.</para>
/// <para>The generator holds no mutable state, so one instance can serve concurrent jobs.</para>
/// </remarks>
public sealed class SampleDataGenerator
{
    // Affinities are squashed into (-MaxAffinity, MaxAffinity) so that exp(affinity - MaxAffinity) is a
    // valid acceptance probability for rejection sampling, with at worst ~exp(-5) acceptance.
    internal const double MaxAffinity = 2.5;

    // Log-normal activity: a few heavy shoppers, a long tail of occasional ones.
    private const double ActivitySigma = 1.1;

    private const double CategoryTasteSigma = 0.8;
    private const double AgeTasteBoost = 0.6;
    private const double AgeTasteWidthYears = 15;

    // Share of an item's taste vector explained by its tags, so content-based methods have real signal.
    private const double TagSignalShare = 0.6;

    private const double RatingAffinityWeight = 0.9;
    private const double RatingNoiseSigma = 0.8;
    private const double TwoModifierTitleShare = 0.7;
    private const int MinTagsPerItem = 2;
    private const int MaxTagsPerItem = 4;
    private const int MaxAccountAgeDays = 365;

    private const string BiasedRegion = "North";
    internal const double BiasRateMultiplier = 0.3;

    // Cancellation and progress are checked this often (a power of two, so a mask does the modulo).
    private const int CheckInterval = 4096;

    private static readonly (string Value, double MidpointAge, double Weight)[] AgeBands =
    [
        ("18-24", 21, 0.14), ("25-34", 30, 0.22), ("35-44", 40, 0.20),
        ("45-54", 50, 0.18), ("55-64", 60, 0.15), ("65+", 72, 0.11),
    ];

    private static readonly (string Value, double Weight)[] Genders =
    [
        ("female", 0.50), ("male", 0.47), ("non-binary", 0.03),
    ];

    private static readonly (string Value, double Weight)[] Regions =
    [
        ("North", 0.20), ("South", 0.22), ("East", 0.19), ("West", 0.21), ("Central", 0.18),
    ];

    /// <summary>Creates a generator for the <see cref="SampleCatalogTemplate.Retail"/> vertical.</summary>
    public SampleDataGenerator()
        : this(SampleCatalogTemplate.Retail)
    {
    }

    /// <summary>Creates a generator for the given vertical.</summary>
    /// <exception cref="ArgumentException">The template has no categories or the wrong number of weekday or hour weights.</exception>
    public SampleDataGenerator(SampleCatalogTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Categories.Count == 0 || template.WeekdayWeights.Count != 7 || template.HourWeights.Count != 24)
        {
            throw new ArgumentException("A template needs at least one category, 7 weekday weights and 24 hour weights.", nameof(template));
        }

        Template = template;
    }

    /// <summary>The vertical whose vocabulary and funnel the generated data uses.</summary>
    public SampleCatalogTemplate Template { get; }

    /// <summary>
    /// Generates a complete data set. Same options and <paramref name="endUtc"/> give identical output.
    /// </summary>
    /// <param name="options">Sizes and seed; validated against their data-annotation ranges.</param>
    /// <param name="endUtc">
    /// End of the history; interactions fall in [endUtc − Days, endUtc]. An unspecified kind is read as UTC;
    /// local time is refused because converting it would make the output depend on the machine's time zone.
    /// </param>
    /// <param name="ct">Checked every few thousand rows.</param>
    /// <param name="progress">Receives the percentage done, 0 to 100, each time it changes.</param>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="endUtc"/> is local time.</exception>
    public SampleDataSet Generate(
        SampleDataOptions options,
        DateTime endUtc,
        CancellationToken ct,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (endUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("The end of the history must be UTC.", nameof(endUtc));
        }

        ct.ThrowIfCancellationRequested();

        var end = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
        var start = end.AddDays(-options.Days);
        var random = new Random(options.Seed);
        var tracker = new ProgressTracker(progress, (long)options.Users + options.Items + options.Interactions);
        tracker.Report(0);

        var catalogue = CreateItems(options, start, random, tracker, ct);
        var population = CreateUsers(options, start, random, tracker, ct);
        var interactions = CreateInteractions(options, start, end, catalogue, population, random, tracker, ct);

        tracker.Report(tracker.Total);
        return new SampleDataSet
        {
            Users = population.Users,
            Items = catalogue.Items,
            Interactions = interactions,
            PlantedBias = DescribeBias(),
        };
    }

    /// <summary>
    /// The hidden tastes behind <see cref="Generate"/>'s data for the same <paramref name="options"/>, rebuilt from the
    /// seed rather than stored: the catalogue and the population are drawn again from the same random stream (the
    /// interactions, drawn after them, are not needed), so the users and items are the generated ones, with their ids.
    /// </summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public SampleTastes Tastes(SampleDataOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var random = new Random(options.Seed);
        var tracker = new ProgressTracker(null, (long)options.Users + options.Items);

        // Only the entities' timestamps depend on the start of the history, never a random draw, so any instant will do.
        var start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var catalogue = CreateItems(options, start, random, tracker, ct);
        var population = CreateUsers(options, start, random, tracker, ct);
        return new SampleTastes(Template, options.LatentFactors, catalogue, population, MostExpensiveCategory());
    }

    private SamplePlantedBias DescribeBias()
    {
        var category = Template.Categories[MostExpensiveCategory()].Name;
        var description = string.Format(
            CultureInfo.InvariantCulture,
            "Users with {0} = {1} complete purchases of {2} items at {3:P0} of the rate their preferences imply: " +
            "their add-to-cart → purchase step in {2} is suppressed regardless of taste, while views, clicks and " +
            "add-to-carts are unaffected. Compare purchases per add-to-cart (or per view) in {2} across {0} groups " +
            "to find it; other categories show no gap.",
            SampleAttributeKeys.Region,
            BiasedRegion,
            category,
            BiasRateMultiplier);
        return new SamplePlantedBias(
            SampleAttributeKeys.Region,
            BiasedRegion,
            category,
            InteractionType.Purchase,
            BiasRateMultiplier,
            description);
    }

    private int MostExpensiveCategory()
    {
        var best = 0;
        for (var c = 1; c < Template.Categories.Count; c++)
        {
            if (Template.Categories[c].MedianPrice > Template.Categories[best].MedianPrice)
            {
                best = c;
            }
        }

        return best;
    }

    private SampleCatalogue CreateItems(
        SampleDataOptions options, DateTime start, Random random, ProgressTracker tracker, CancellationToken ct)
    {
        var k = options.LatentFactors;
        var categories = Template.Categories;
        var factorScale = FactorScale(k);

        // Each tag points in its own taste direction; an item's vector leans towards its tags' directions.
        var tagVectors = new double[categories.Count][];
        for (var c = 0; c < categories.Count; c++)
        {
            tagVectors[c] = new double[categories[c].Tags.Count * k];
            FillNormal(random, tagVectors[c]);
        }

        var categoryWeights = new double[categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            categoryWeights[c] = categories[c].Weight;
        }

        var categoryTable = new AliasTable(categoryWeights);
        var n = options.Items;
        var idWidth = Math.Max(4, Digits(n));
        var items = new List<Item>(n);
        var itemCategory = new int[n];
        var itemFactors = new float[n * k];
        var picked = new int[MaxTagsPerItem];
        var tagNames = new string[MaxTagsPerItem];
        var tagSignal = Math.Sqrt(TagSignalShare);
        var noise = Math.Sqrt(1 - TagSignalShare);

        for (var i = 0; i < n; i++)
        {
            if ((i & (CheckInterval - 1)) == 0)
            {
                ct.ThrowIfCancellationRequested();
                tracker.Report(i);
            }

            var c = categoryTable.Sample(random);
            var category = categories[c];
            itemCategory[i] = c;

            var tagCount = Math.Min(category.Tags.Count, random.Next(MinTagsPerItem, MaxTagsPerItem + 1));
            PickDistinct(random, category.Tags.Count, picked.AsSpan(0, tagCount));
            for (var t = 0; t < tagCount; t++)
            {
                tagNames[t] = category.Tags[picked[t]];
            }

            // Summing m unit-variance directions and dividing by √m keeps the variance at 1.
            var tagNorm = 1 / Math.Sqrt(tagCount);
            for (var f = 0; f < k; f++)
            {
                var fromTags = 0.0;
                for (var t = 0; t < tagCount; t++)
                {
                    fromTags += tagVectors[c][(picked[t] * k) + f];
                }

                itemFactors[(i * k) + f] = (float)(factorScale * ((tagSignal * fromTags * tagNorm) + (noise * NextNormal(random))));
            }

            var price = category.MedianPrice * Math.Exp(category.PriceSigma * NextNormal(random));
            items.Add(new Item
            {
                ExternalId = "i" + (i + 1).ToString("D" + idWidth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                Title = ComposeTitle(random, category),
                Category = category.Name,
                Tags = string.Join(',', tagNames, 0, tagCount),
                Price = Math.Max(0.01m, Math.Round((decimal)price, 2, MidpointRounding.AwayFromZero)),
                CreatedAtUtc = RandomPastInstant(random, start),
            });
        }

        // Zipf popularity over a random ranking, so popularity is independent of category and price.
        var ranks = new int[n];
        for (var i = 0; i < n; i++)
        {
            ranks[i] = i;
        }

        Shuffle(random, ranks);
        var popularity = new double[n];
        for (var i = 0; i < n; i++)
        {
            popularity[i] = Math.Pow(ranks[i] + 1, -Template.PopularityExponent);
        }

        return new SampleCatalogue(items, itemCategory, itemFactors, new AliasTable(popularity));
    }

    private SamplePopulation CreateUsers(
        SampleDataOptions options, DateTime start, Random random, ProgressTracker tracker, CancellationToken ct)
    {
        var k = options.LatentFactors;
        var categories = Template.Categories;
        var categoryCount = categories.Count;
        var factorScale = FactorScale(k);
        var ageTable = new AliasTable(Weights(AgeBands, static b => b.Weight));
        var genderTable = new AliasTable(Weights(Genders, static g => g.Weight));
        var regionTable = new AliasTable(Weights(Regions, static r => r.Weight));
        var biasedRegion = Array.FindIndex(Regions, static r => r.Value == BiasedRegion);

        var n = options.Users;
        var idWidth = Math.Max(5, Digits(n));
        var users = new List<EndUser>(n);
        var userFactors = new float[n * k];
        var categoryTaste = new float[n * categoryCount];
        var isBiased = new bool[n];
        var activity = new double[n];

        for (var u = 0; u < n; u++)
        {
            if ((u & (CheckInterval - 1)) == 0)
            {
                ct.ThrowIfCancellationRequested();
                tracker.Report(options.Items + (long)u);
            }

            var age = ageTable.Sample(random);
            var gender = genderTable.Sample(random);
            var region = regionTable.Sample(random);
            isBiased[u] = region == biasedRegion;

            for (var f = 0; f < k; f++)
            {
                userFactors[(u * k) + f] = (float)(factorScale * NextNormal(random));
            }

            for (var c = 0; c < categoryCount; c++)
            {
                var ageGap = (AgeBands[age].MidpointAge - categories[c].PeakAge) / AgeTasteWidthYears;
                categoryTaste[(u * categoryCount) + c] =
                    (float)((CategoryTasteSigma * NextNormal(random)) + (AgeTasteBoost * Math.Exp(-ageGap * ageGap)));
            }

            activity[u] = Math.Exp(ActivitySigma * NextNormal(random));
            users.Add(new EndUser
            {
                ExternalId = "u" + (u + 1).ToString("D" + idWidth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                CreatedAtUtc = RandomPastInstant(random, start),
                Attributes =
                [
                    new EndUserAttribute { Key = SampleAttributeKeys.AgeBand, Value = AgeBands[age].Value, IsQuasiIdentifier = true },
                    new EndUserAttribute { Key = SampleAttributeKeys.Gender, Value = Genders[gender].Value, IsSensitive = true },
                    new EndUserAttribute { Key = SampleAttributeKeys.Region, Value = Regions[region].Value, IsSensitive = true, IsQuasiIdentifier = true },
                ],
            });
        }

        return new SamplePopulation(users, userFactors, categoryTaste, isBiased, new AliasTable(activity));
    }

    private SampleInteraction[] CreateInteractions(
        SampleDataOptions options,
        DateTime start,
        DateTime end,
        SampleCatalogue catalogue,
        SamplePopulation population,
        Random random,
        ProgressTracker tracker,
        CancellationToken ct)
    {
        var k = options.LatentFactors;
        var categoryCount = Template.Categories.Count;
        var biasCategory = MostExpensiveCategory();
        var itemFactors = catalogue.Factors;
        var itemCategory = catalogue.Category;
        var userFactors = population.Factors;
        var categoryTaste = population.CategoryTaste;

        var dayWeights = new double[options.Days];
        for (var d = 0; d < dayWeights.Length; d++)
        {
            var weekday = (int)start.AddDays(d).DayOfWeek;
            dayWeights[d] = Template.WeekdayWeights[weekday] * (1 + (Template.AnnualGrowth * d / 365.0));
        }

        var dayTable = new AliasTable(dayWeights);
        var hourTable = new AliasTable(Template.HourWeights.ToArray());
        var clickLogit = Logit(Template.ClickRate);
        var cartLogit = Logit(Template.AddToCartRate);
        var purchaseLogit = Logit(Template.PurchaseRate);
        var lift = Template.AffinityLift;
        var startTicks = start.Ticks;
        var endTicks = end.Ticks;

        var total = options.Interactions;
        var result = new SampleInteraction[total];
        var written = 0;
        var journey = 0;
        while (written < total)
        {
            if ((journey++ & (CheckInterval - 1)) == 0)
            {
                ct.ThrowIfCancellationRequested();
                tracker.Report(options.Items + (long)options.Users + written);
            }

            var user = population.Activity.Sample(random);
            int item;
            double affinity;
            do
            {
                item = catalogue.Popularity.Sample(random);
                var raw = (double)categoryTaste[(user * categoryCount) + itemCategory[item]];
                var userOffset = user * k;
                var itemOffset = item * k;
                for (var f = 0; f < k; f++)
                {
                    raw += userFactors[userOffset + f] * itemFactors[itemOffset + f];
                }

                affinity = MaxAffinity * Math.Tanh(raw / MaxAffinity);
            }
            while (random.NextDouble() >= Math.Exp(affinity - MaxAffinity));

            var ticks = startTicks
                + (dayTable.Sample(random) * TimeSpan.TicksPerDay)
                + (hourTable.Sample(random) * TimeSpan.TicksPerHour)
                + (random.Next(3600) * TimeSpan.TicksPerSecond);

            if (random.NextDouble() < Template.RatingShare)
            {
                var stars = Math.Round(3 + (RatingAffinityWeight * affinity) + (RatingNoiseSigma * NextNormal(random)));
                result[written++] = new SampleInteraction(user, item, InteractionType.Rating, Math.Clamp(stars, 1, 5), new DateTime(ticks, DateTimeKind.Utc));
                continue;
            }

            result[written++] = new SampleInteraction(user, item, InteractionType.View, 1, new DateTime(ticks, DateTimeKind.Utc));
            if (written == total || random.NextDouble() >= Sigmoid(clickLogit + (lift * affinity)))
            {
                continue;
            }

            // Follow-up steps happen minutes later; clamping keeps the last journeys inside the window.
            ticks = Math.Min(endTicks, ticks + (random.Next(5, 180) * TimeSpan.TicksPerSecond));
            result[written++] = new SampleInteraction(user, item, InteractionType.Click, 1, new DateTime(ticks, DateTimeKind.Utc));
            if (written == total || random.NextDouble() >= Sigmoid(cartLogit + (lift * affinity)))
            {
                continue;
            }

            ticks = Math.Min(endTicks, ticks + (random.Next(30, 900) * TimeSpan.TicksPerSecond));
            result[written++] = new SampleInteraction(user, item, InteractionType.AddToCart, 1, new DateTime(ticks, DateTimeKind.Utc));
            var purchase = Sigmoid(purchaseLogit + (lift * affinity));
            if (population.IsBiased[user] && itemCategory[item] == biasCategory)
            {
                purchase *= BiasRateMultiplier;
            }

            if (written == total || random.NextDouble() >= purchase)
            {
                continue;
            }

            ticks = Math.Min(endTicks, ticks + (random.Next(60, 1800) * TimeSpan.TicksPerSecond));
            result[written++] = new SampleInteraction(user, item, InteractionType.Purchase, 1, new DateTime(ticks, DateTimeKind.Utc));
        }

        return result;
    }

    private static string ComposeTitle(Random random, SampleCategoryTemplate category)
    {
        var noun = category.Nouns[random.Next(category.Nouns.Count)];
        var first = random.Next(category.Modifiers.Count);
        if (category.Modifiers.Count < 2 || random.NextDouble() >= TwoModifierTitleShare)
        {
            return category.Modifiers[first] + " " + noun;
        }

        // Drawing from the other Count − 1 modifiers and skipping `first` guarantees two different words.
        var second = random.Next(category.Modifiers.Count - 1);
        if (second >= first)
        {
            second++;
        }

        return category.Modifiers[first] + " " + category.Modifiers[second] + " " + noun;
    }

    /// <summary>Scale making the dot product of two factor vectors roughly unit-variance whatever k is.</summary>
    private static double FactorScale(int k) => Math.Pow(k, -0.25);

    private static DateTime RandomPastInstant(Random random, DateTime start) =>
        start.AddSeconds(-random.NextInt64((long)MaxAccountAgeDays * 24 * 3600));

    private static double NextNormal(Random random)
    {
        // Box–Muller; 1 − U avoids log(0).
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static void FillNormal(Random random, Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = NextNormal(random);
        }
    }

    /// <summary>Fills <paramref name="into"/> with distinct indices below <paramref name="count"/> (partial Fisher–Yates).</summary>
    private static void PickDistinct(Random random, int count, Span<int> into)
    {
        Span<int> pool = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            pool[i] = i;
        }

        for (var i = 0; i < into.Length; i++)
        {
            var j = random.Next(i, count);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            into[i] = pool[i];
        }
    }

    private static void Shuffle(Random random, int[] values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static double[] Weights<T>(T[] values, Func<T, double> weight)
    {
        var weights = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            weights[i] = weight(values[i]);
        }

        return weights;
    }

    private static int Digits(int n) => n.ToString(CultureInfo.InvariantCulture).Length;

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
