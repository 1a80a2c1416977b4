namespace Dashboard.Domain.Data;

/// <summary>What an end-user did with an item. Stored as text so the database stays readable.</summary>
public enum InteractionType
{
    View,
    Click,
    AddToCart,
    Purchase,
    Rating,
}
