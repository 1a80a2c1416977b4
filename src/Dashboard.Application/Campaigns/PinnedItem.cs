namespace Dashboard.Application.Campaigns;

/// <summary>A promoted item held at a 1-based position of every list (when the end-user may see it).</summary>
public sealed record PinnedItem(string ItemId, int Position);
