namespace Dashboard.Application.Training;

/// <summary>One measure of two versions side by side; <see cref="Delta"/> is the second minus the first.</summary>
public sealed record MetricDelta(string Metric, double First, double Second)
{
    public double Delta => Second - First;
}
