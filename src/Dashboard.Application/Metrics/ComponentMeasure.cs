using Dashboard.Application.Training;

namespace Dashboard.Application.Metrics;

/// <summary>One column of a component's own figures, named as the blend's measure it sits beside; where null, why.</summary>
public sealed record ComponentMeasure(string Name, Func<ComponentMetrics, double?> Read, Func<ComponentMetrics, string> WhyMissing)
{
    public double? ValueOf(ComponentMetrics component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Read(component) is { } value && double.IsFinite(value) ? value : null;
    }

    public string? NotApplicable(ComponentMetrics component) => ValueOf(component) is null ? WhyMissing(component) : null;
}
