namespace Dashboard.Application.DataSources.Preview;

/// <summary>One bar of a distribution: a label (a category, an attribute value, "Other") and its count.</summary>
public sealed record LabelledCount(string Label, int Count);
