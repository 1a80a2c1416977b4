namespace Dashboard.Recommender.Tests.Fairness;

/// <summary>Compares triples of doubles to ten decimals, so hand-computed values with roots and logs can be asserted together.</summary>
internal sealed class RoundedTupleComparer : IEqualityComparer<(double, double, double)>
{
    public bool Equals((double, double, double) x, (double, double, double) y) =>
        Math.Abs(x.Item1 - y.Item1) < 1e-10 && Math.Abs(x.Item2 - y.Item2) < 1e-10 && Math.Abs(x.Item3 - y.Item3) < 1e-10;

    public int GetHashCode((double, double, double) obj) => 0;
}
