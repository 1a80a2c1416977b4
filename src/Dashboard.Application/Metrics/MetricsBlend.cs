namespace Dashboard.Application.Metrics;

/// <summary>A blend as the Metrics page's picker lists it.</summary>
public sealed record MetricsBlend(Guid Id, string Name, int Versions);
