namespace Dashboard.Application.DataSources.SampleData;

public sealed partial record SampleCatalogTemplate
{
    /// <summary>
    /// An online travel agency: flights, hotels, city breaks, package holidays, cruises, car hire, rail
    /// and tours. An item's price is a typical booking total; cruises are the most expensive category,
    /// so the planted bias falls on them.
    /// </summary>
    /// <remarks>
    /// view = offer seen, click = offer details and availability opened, add_to_cart = trip saved (to a
    /// wish list or a held basket), purchase = booking made, rating = review stars after the trip.
    /// People plan trips on Sunday and Monday evenings; many look, few book.
    /// </remarks>
    public static SampleCatalogTemplate Travel { get; } = new(
        Name: "Travel",
        Categories:
        [
            new("Flights", Weight: 0.18, MedianPrice: 180, PriceSigma: 0.8, PeakAge: 34,
                Tags: ["economy", "business-class", "direct", "low-cost", "long-haul", "short-haul", "return", "one-way", "flexible-dates", "extra-legroom"],
                Modifiers: ["Direct", "Return", "One-Way", "Flexible", "Economy", "Premium-Economy", "Business-Class", "Overnight", "Early-Bird", "Last-Minute"],
                Nouns: ["Flight to Lisbon", "Flight to New York", "Flight to Rome", "Flight to Bangkok", "Flight to Barcelona", "Flight to Dubai", "Flight to Reykjavik", "Flight to Tokyo", "Flight to Athens", "Flight to Berlin"]),
            new("Hotels", Weight: 0.20, MedianPrice: 320, PriceSigma: 0.7, PeakAge: 40,
                Tags: ["boutique", "spa", "family-friendly", "city-centre", "beachfront", "free-cancellation", "breakfast-included", "pet-friendly", "pool", "business"],
                Modifiers: ["Boutique", "Seaside", "City-Centre", "Family", "Luxury", "Budget", "Design", "Historic", "Spa", "Airport"],
                Nouns: ["Hotel", "Resort", "Guesthouse", "Inn", "Apartment Hotel", "Lodge", "Hostel", "B&B", "Suites", "Retreat"]),
            new("City Breaks", Weight: 0.14, MedianPrice: 450, PriceSigma: 0.5, PeakAge: 30,
                Tags: ["weekend", "culture", "food", "nightlife", "museums", "shopping", "romantic", "christmas-markets", "architecture", "festival"],
                Modifiers: ["Weekend", "Romantic", "Foodie", "Cultural", "Christmas-Market", "Festival", "Three-Night", "Long-Weekend", "Art-Lover's", "Design"],
                Nouns: ["Break in Paris", "Break in Prague", "Break in Amsterdam", "Break in Vienna", "Break in Copenhagen", "Break in Seville", "Break in Budapest", "Break in Edinburgh", "Break in Krakow", "Break in Porto"]),
            new("Package Holidays", Weight: 0.12, MedianPrice: 1_200, PriceSigma: 0.5, PeakAge: 42,
                Tags: ["all-inclusive", "beach", "family", "adults-only", "half-board", "sun", "kids-club", "ski", "island", "summer"],
                Modifiers: ["All-Inclusive", "Half-Board", "Family", "Adults-Only", "Seven-Night", "Fourteen-Night", "Ski", "Island", "Sun", "Winter-Sun"],
                Nouns: ["Holiday in Majorca", "Holiday in Crete", "Holiday in Tenerife", "Holiday in the Algarve", "Holiday in Turkey", "Holiday in Cyprus", "Ski Week in Austria", "Holiday in Egypt", "Holiday in Madeira", "Holiday in Sicily"]),
            new("Cruises", Weight: 0.06, MedianPrice: 2_400, PriceSigma: 0.5, PeakAge: 62,
                Tags: ["mediterranean", "caribbean", "fjords", "river", "ocean", "balcony-cabin", "all-inclusive", "expedition", "round-the-world", "luxury"],
                Modifiers: ["Mediterranean", "Caribbean", "Norwegian-Fjords", "Danube River", "Rhine River", "Baltic", "Expedition", "Luxury", "Seven-Night", "Grand"],
                Nouns: ["Cruise", "River Cruise", "Island-Hopping Cruise", "Ocean Voyage", "Fjord Cruise", "Expedition Cruise", "Sailing", "Coastal Voyage", "Cruise & Stay", "Transatlantic Crossing"]),
            new("Car Hire", Weight: 0.10, MedianPrice: 210, PriceSigma: 0.6, PeakAge: 38,
                Tags: ["airport-pickup", "automatic", "electric", "suv", "economy", "unlimited-mileage", "one-way", "convertible", "van", "full-insurance"],
                Modifiers: ["Economy", "Compact", "Automatic", "Electric", "Family", "Convertible", "Luxury", "One-Way", "Airport", "Weekly"],
                Nouns: ["Car Hire", "SUV Rental", "Van Hire", "Campervan Rental", "City Car", "Estate Car", "People Carrier", "Cabriolet", "Hatchback", "Motorhome"]),
            new("Rail", Weight: 0.08, MedianPrice: 90, PriceSigma: 0.7, PeakAge: 28,
                Tags: ["interrail", "first-class", "night-train", "scenic", "high-speed", "flexible", "railcard", "sleeper", "day-return", "group"],
                Modifiers: ["High-Speed", "Scenic", "Night", "First-Class", "Flexible", "Global", "Regional", "Sleeper", "Advance", "Day-Return"],
                Nouns: ["Rail Pass", "Train Ticket", "Sleeper Berth", "Scenic Railway Trip", "Interrail Pass", "Eurostar Ticket", "Alpine Railway Trip", "Railcard", "Glacier Express Seat", "Rail & Sail Ticket"]),
            new("Tours & Activities", Weight: 0.12, MedianPrice: 60, PriceSigma: 0.8, PeakAge: 35,
                Tags: ["guided", "food-tour", "museum", "outdoor", "family", "skip-the-line", "day-trip", "wine-tasting", "adventure", "small-group"],
                Modifiers: ["Guided", "Skip-the-Line", "Small-Group", "Private", "Sunset", "Half-Day", "Full-Day", "Family", "Evening", "Self-Guided"],
                Nouns: ["Walking Tour", "Food Tour", "Museum Pass", "Boat Trip", "Wine Tasting", "Cooking Class", "Bike Tour", "Day Trip", "Kayak Tour", "Hot-Air Balloon Ride"]),
        ],
        PopularityExponent: 1.0,
        ClickRate: 0.22,
        AddToCartRate: 0.12,
        PurchaseRate: 0.15,
        AffinityLift: 0.8,
        RatingShare: 0.08,
        WeekdayWeights: [1.30, 1.20, 1.05, 1.00, 0.95, 0.85, 0.90],
        HourWeights:
        [
            0.25, 0.15, 0.08, 0.06, 0.06, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 1.00,
            1.15, 1.10, 0.95, 0.90, 0.95, 1.05, 1.25, 1.45, 1.60, 1.50, 1.10, 0.60,
        ],
        AnnualGrowth: 0.25);
}
