namespace Dashboard.Web.Components.Shared;

/// <summary>One row of a <see cref="BarList"/>: its full label, its value, and the value as shown.</summary>
public sealed record BarListItem(string Label, double Value, string ValueText);
