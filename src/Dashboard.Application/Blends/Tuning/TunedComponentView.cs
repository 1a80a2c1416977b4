namespace Dashboard.Application.Blends.Tuning;

/// <summary>One row of a tuning's table: a component, its weight when tuned and the weight the tuning chose.</summary>
public sealed record TunedComponentView(string Name, double CurrentWeight, double ChosenWeight);
