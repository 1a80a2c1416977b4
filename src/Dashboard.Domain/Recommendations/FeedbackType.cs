namespace Dashboard.Domain.Recommendations;

/// <summary>What an end-user did with a recommended item. Stored as text so the database stays readable.</summary>
public enum FeedbackType
{
    /// <summary>The item was shown.</summary>
    Impression,

    /// <summary>The item was clicked; also stored as a click interaction.</summary>
    Click,

    /// <summary>The item was bought (or the goal reached); also stored as a purchase interaction.</summary>
    Conversion,
}
