namespace Dashboard.Application.DataSources.Preview;

/// <summary>Items priced from <paramref name="From"/> (inclusive) up to <paramref name="To"/> (exclusive, except for the last bucket).</summary>
public sealed record PriceBucket(decimal From, decimal To, int Items);
