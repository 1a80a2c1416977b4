namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Everything vertical-specific about generated data: categories with their words and prices, how
/// skewed popularity is, the conversion funnel and when people shop. The verticals are
/// <see cref="Retail"/>, <see cref="Finance"/>, <see cref="Travel"/> and <see cref="Education"/> (one file
/// each); <see cref="SampleCatalogTemplates"/> finds them by name.
/// </summary>
/// <remarks>
/// Every vertical records the product's own event types (<c>InteractionType</c>); what each step means
/// in the vertical is documented on its instance. The funnel is always view → click → add-to-cart →
/// purchase, plus 1–5 ratings, so importers, recommenders and audits work the same way for all of them.
/// </remarks>
/// <param name="Name">Display name of the vertical.</param>
/// <param name="Categories">The catalogue's categories.</param>
/// <param name="PopularityExponent">Zipf exponent of item popularity by rank; 1 gives a classic long tail.</param>
/// <param name="ClickRate">Probability that a view is followed by a click, at neutral affinity.</param>
/// <param name="AddToCartRate">Probability that a click is followed by add-to-cart, at neutral affinity.</param>
/// <param name="PurchaseRate">Probability that add-to-cart is followed by a purchase, at neutral affinity.</param>
/// <param name="AffinityLift">Change in the log-odds of each funnel step per unit of user–item affinity.</param>
/// <param name="RatingShare">Share of journeys that are an explicit 1–5 rating instead of browsing.</param>
/// <param name="WeekdayWeights">Relative activity per day of week, indexed by <see cref="DayOfWeek"/> (Sunday first).</param>
/// <param name="HourWeights">Relative activity per UTC hour of day (24 values).</param>
/// <param name="AnnualGrowth">Linear growth of activity per year of history (0.4 = 40 % more per year).</param>
public sealed partial record SampleCatalogTemplate(
    string Name,
    IReadOnlyList<SampleCategoryTemplate> Categories,
    double PopularityExponent,
    double ClickRate,
    double AddToCartRate,
    double PurchaseRate,
    double AffinityLift,
    double RatingShare,
    IReadOnlyList<double> WeekdayWeights,
    IReadOnlyList<double> HourWeights,
    double AnnualGrowth)
{
    /// <summary>A general online shop (e-commerce): eight departments, weekend and evening peaks.</summary>
    /// <remarks>
    /// view = product page seen, click = product details opened, add_to_cart = put in the basket,
    /// purchase = order placed, rating = product review stars.
    /// </remarks>
    public static SampleCatalogTemplate Retail { get; } = new(
        Name: "Retail",
        Categories:
        [
            new("Electronics", Weight: 0.14, MedianPrice: 120, PriceSigma: 0.9, PeakAge: 28,
                Tags: ["wireless", "bluetooth", "smart-home", "gaming", "audio", "4k", "portable", "usb-c", "rechargeable", "noise-cancelling"],
                Modifiers: ["Wireless", "Noise-Cancelling", "Smart", "Portable", "Bluetooth", "4K", "Ultra-Slim", "Rechargeable", "Gaming", "Compact"],
                Nouns: ["Headphones", "Speaker", "Monitor", "Keyboard", "Mouse", "Earbuds", "Tablet", "Smartwatch", "Webcam", "Charger"]),
            new("Home & Kitchen", Weight: 0.16, MedianPrice: 45, PriceSigma: 0.8, PeakAge: 45,
                Tags: ["cookware", "non-stick", "stainless-steel", "storage", "bedding", "decor", "dishwasher-safe", "cotton", "organiser", "eco-friendly"],
                Modifiers: ["Stainless-Steel", "Non-Stick", "Ceramic", "Bamboo", "Cast-Iron", "Stackable", "Cotton", "Glass", "Minimalist", "Insulated"],
                Nouns: ["Frying Pan", "Knife Set", "Mixing Bowls", "Kettle", "Coffee Grinder", "Storage Jars", "Duvet Cover", "Table Lamp", "Cutting Board", "Towel Set"]),
            new("Books", Weight: 0.14, MedianPrice: 14, PriceSigma: 0.5, PeakAge: 55,
                Tags: ["fiction", "thriller", "biography", "cookbook", "self-help", "history", "science", "children", "fantasy", "bestseller"],
                Modifiers: ["Illustrated", "Complete", "Pocket", "Hardcover", "Annotated", "Collected", "Essential", "Little", "Unofficial", "Revised"],
                Nouns: ["Cookbook", "Field Guide", "Thriller", "Biography", "Atlas", "Poetry Collection", "Travel Guide", "Sci-Fi Novel", "Puzzle Book", "History"]),
            new("Fashion", Weight: 0.16, MedianPrice: 35, PriceSigma: 0.7, PeakAge: 26,
                Tags: ["casual", "formal", "cotton", "denim", "summer", "winter", "sustainable", "slim-fit", "leather", "unisex"],
                Modifiers: ["Slim-Fit", "Organic Cotton", "Leather", "Oversized", "Waterproof", "Linen", "Classic", "Quilted", "Striped", "Wool"],
                Nouns: ["T-Shirt", "Jeans", "Sneakers", "Jacket", "Dress", "Hoodie", "Scarf", "Backpack", "Chinos", "Ankle Boots"]),
            new("Sports", Weight: 0.10, MedianPrice: 40, PriceSigma: 0.9, PeakAge: 32,
                Tags: ["running", "yoga", "cycling", "outdoor", "fitness", "camping", "lightweight", "breathable", "hiking", "team-sports"],
                Modifiers: ["Lightweight", "Breathable", "Adjustable", "Foldable", "Non-Slip", "Reflective", "Insulated", "Ergonomic", "Heavy-Duty", "Quick-Dry"],
                Nouns: ["Yoga Mat", "Running Shoes", "Dumbbells", "Water Bottle", "Cycling Gloves", "Tent", "Resistance Bands", "Hiking Poles", "Football", "Jump Rope"]),
            new("Beauty", Weight: 0.10, MedianPrice: 18, PriceSigma: 0.6, PeakAge: 30,
                Tags: ["skincare", "vegan", "fragrance", "haircare", "cruelty-free", "organic", "sensitive-skin", "spf", "makeup", "travel-size"],
                Modifiers: ["Hydrating", "Vegan", "Fragrance-Free", "Organic", "Matte", "Nourishing", "Brightening", "Gentle", "Travel-Size", "Overnight"],
                Nouns: ["Face Cream", "Serum", "Shampoo", "Lip Balm", "Body Lotion", "Eyeshadow Palette", "Sunscreen", "Hair Oil", "Face Mask", "Cleanser"]),
            new("Toys", Weight: 0.08, MedianPrice: 25, PriceSigma: 0.7, PeakAge: 38,
                Tags: ["educational", "stem", "outdoor", "puzzle", "plush", "building", "age-3-plus", "board-game", "creative", "wooden"],
                Modifiers: ["Wooden", "Educational", "Magnetic", "Remote-Control", "Plush", "Glow-in-the-Dark", "Stackable", "Musical", "Giant", "Mini"],
                Nouns: ["Building Blocks", "Puzzle", "Race Car", "Teddy Bear", "Board Game", "Train Set", "Craft Kit", "Dinosaur", "Science Kit", "Doll House"]),
            new("Grocery", Weight: 0.12, MedianPrice: 8, PriceSigma: 0.6, PeakAge: 48,
                Tags: ["organic", "gluten-free", "vegan", "snacks", "coffee", "tea", "breakfast", "fair-trade", "sugar-free", "bulk"],
                Modifiers: ["Organic", "Gluten-Free", "Fair-Trade", "Roasted", "Wholegrain", "Sugar-Free", "Smoked", "Spicy", "Family-Size", "Cold-Pressed"],
                Nouns: ["Coffee Beans", "Green Tea", "Granola", "Olive Oil", "Dark Chocolate", "Pasta", "Almonds", "Honey", "Oat Milk", "Peanut Butter"]),
        ],
        PopularityExponent: 1.0,
        ClickRate: 0.18,
        AddToCartRate: 0.15,
        PurchaseRate: 0.25,
        AffinityLift: 0.7,
        RatingShare: 0.12,
        WeekdayWeights: [1.20, 0.90, 0.92, 0.95, 1.00, 1.08, 1.25],
        HourWeights:
        [
            0.35, 0.20, 0.12, 0.08, 0.08, 0.12, 0.30, 0.55, 0.75, 0.85, 0.90, 0.95,
            1.10, 1.05, 0.95, 0.95, 1.00, 1.10, 1.30, 1.50, 1.60, 1.45, 1.10, 0.70,
        ],
        AnnualGrowth: 0.4);
}
