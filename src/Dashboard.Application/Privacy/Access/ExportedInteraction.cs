namespace Dashboard.Application.Privacy.Access;

/// <summary>One interaction of the end-user with an item (the item's own id, the event type's name).</summary>
public sealed record ExportedInteraction(string ItemId, string Type, double Value, DateTime OccurredAtUtc);
