namespace Dashboard.Application.DataSources.SampleData;

public sealed partial record SampleCatalogTemplate
{
    /// <summary>
    /// A retail bank and insurer: accounts, cards, loans, insurance, funds and mortgages. An item's price is
    /// the product's typical ticket — the yearly fee of a card, the yearly premium of a policy, the amount
    /// of a loan or mortgage, the opening deposit of a savings account — so prices span five orders of
    /// magnitude and the planted bias falls on mortgages, the most expensive category.
    /// </summary>
    /// <remarks>
    /// view = product page seen, click = rates and conditions opened, add_to_cart = application started
    /// (or quote requested), purchase = product taken out (account opened, policy bought, loan signed),
    /// rating = customer satisfaction stars. Activity peaks on weekday lunchtimes and evenings; funnels
    /// are slower than in shops and applications are completed less often.
    /// </remarks>
    public static SampleCatalogTemplate Finance { get; } = new(
        Name: "Finance",
        Categories:
        [
            new("Current Accounts", Weight: 0.12, MedianPrice: 8, PriceSigma: 0.5, PeakAge: 24,
                Tags: ["no-monthly-fee", "cashback", "overdraft", "joint-account", "student", "mobile-banking", "contactless", "switching-bonus", "premium", "basic"],
                Modifiers: ["Everyday", "Premium", "Student", "Graduate", "Joint", "Reward", "Basic", "Packaged", "Digital", "Plus"],
                Nouns: ["Current Account", "Bank Account", "Cashback Account", "Checking Account", "Youth Account", "Club Account", "Reward Account", "Control Account", "Account Bundle", "Family Account"]),
            new("Savings Accounts", Weight: 0.16, MedianPrice: 1_500, PriceSigma: 1.0, PeakAge: 52,
                Tags: ["easy-access", "fixed-rate", "notice", "tax-free", "isa", "children", "regular-saver", "bonus-rate", "online-only", "high-interest"],
                Modifiers: ["Easy-Access", "Fixed-Rate", "1-Year", "2-Year", "Notice", "Regular", "Bonus", "Junior", "Tax-Free", "Online"],
                Nouns: ["Saver", "Savings Account", "Cash ISA", "Bond", "Deposit", "Term Deposit", "Saving Pot", "Children's Saver", "Reserve", "Rainy-Day Account"]),
            new("Credit Cards", Weight: 0.16, MedianPrice: 45, PriceSigma: 1.0, PeakAge: 33,
                Tags: ["0-percent", "balance-transfer", "cashback", "air-miles", "no-annual-fee", "rewards", "credit-builder", "contactless", "travel", "purchase"],
                Modifiers: ["Platinum", "Gold", "Cashback", "Rewards", "Travel", "0% Purchase", "Balance-Transfer", "Credit-Builder", "Classic", "Premium"],
                Nouns: ["Credit Card", "Mastercard", "Visa Card", "Charge Card", "Rewards Card", "Travel Card", "Student Card", "Store Card", "Business Card", "Miles Card"]),
            new("Personal Loans", Weight: 0.12, MedianPrice: 9_000, PriceSigma: 0.7, PeakAge: 36,
                Tags: ["car-finance", "home-improvement", "debt-consolidation", "fixed-rate", "unsecured", "secured", "flexible-term", "wedding", "green", "quick-decision"],
                Modifiers: ["Fixed-Rate", "Unsecured", "Secured", "Flexible", "Green", "Low-Rate", "Fast", "Top-Up", "Large", "Small"],
                Nouns: ["Personal Loan", "Car Loan", "Home-Improvement Loan", "Consolidation Loan", "Wedding Loan", "Student Loan", "Green Loan", "Credit Line", "Bridge Loan", "Instalment Plan"]),
            new("Insurance", Weight: 0.18, MedianPrice: 420, PriceSigma: 0.8, PeakAge: 44,
                Tags: ["car", "home", "contents", "travel", "pet", "life", "income-protection", "annual", "no-claims", "family"],
                Modifiers: ["Comprehensive", "Third-Party", "Annual", "Single-Trip", "Family", "Lifetime", "Term", "Essential", "Premier", "Flexible"],
                Nouns: ["Car Insurance", "Home Insurance", "Contents Cover", "Travel Insurance", "Pet Insurance", "Life Cover", "Income Protection", "Gadget Cover", "Breakdown Cover", "Health Plan"]),
            new("Investment Funds", Weight: 0.14, MedianPrice: 3_000, PriceSigma: 1.1, PeakAge: 50,
                Tags: ["index-tracker", "ethical", "esg", "global-equity", "bonds", "dividend", "ready-made", "pension", "low-cost", "emerging-markets"],
                Modifiers: ["Global", "Ethical", "Index", "Cautious", "Balanced", "Adventurous", "Income", "Growth", "Sustainable", "Emerging-Markets"],
                Nouns: ["Equity Fund", "Bond Fund", "Tracker Fund", "Stocks & Shares ISA", "Pension Plan", "Portfolio", "Dividend Fund", "Multi-Asset Fund", "Retirement Fund", "Managed Fund"]),
            new("Mortgages", Weight: 0.12, MedianPrice: 220_000, PriceSigma: 0.5, PeakAge: 34,
                Tags: ["first-time-buyer", "remortgage", "buy-to-let", "fixed-rate", "tracker", "offset", "green-mortgage", "interest-only", "5-year-fix", "2-year-fix"],
                Modifiers: ["2-Year Fixed", "5-Year Fixed", "Tracker", "Offset", "First-Time-Buyer", "Buy-to-Let", "Green", "Lifetime", "Discounted", "Remortgage"],
                Nouns: ["Mortgage", "Home Loan", "Remortgage Deal", "Buy-to-Let Mortgage", "Shared-Ownership Mortgage", "Offset Mortgage", "Family Mortgage", "Self-Build Mortgage", "Porting Deal", "Equity Release"]),
        ],
        PopularityExponent: 1.1,
        ClickRate: 0.12,
        AddToCartRate: 0.10,
        PurchaseRate: 0.35,
        AffinityLift: 0.6,
        RatingShare: 0.05,
        WeekdayWeights: [0.60, 1.20, 1.15, 1.10, 1.10, 1.00, 0.70],
        HourWeights:
        [
            0.10, 0.06, 0.04, 0.04, 0.05, 0.10, 0.30, 0.70, 1.10, 1.30, 1.25, 1.30,
            1.50, 1.40, 1.20, 1.15, 1.10, 1.10, 1.20, 1.30, 1.20, 0.90, 0.50, 0.25,
        ],
        AnnualGrowth: 0.15);
}
