namespace Dashboard.Domain.DataSources;

/// <summary>What an interaction import does with an item id that no item import has defined.</summary>
public enum UnknownItemPolicy
{
    CreatePlaceholder,
    Reject,
}
