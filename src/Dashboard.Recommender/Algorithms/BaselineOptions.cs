namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="Baseline"/>. Defaults are Surprise's BaselineOnly ALS defaults
/// (reg_u = 15, reg_i = 10, 10 sweeps): the regularisers act as pseudo-counts pulling a bias towards 0.
/// </summary>
public sealed record BaselineOptions
{
    public double UserRegularization { get; init; } = 15;

    public double ItemRegularization { get; init; } = 10;

    public int Sweeps { get; init; } = 10;
}
