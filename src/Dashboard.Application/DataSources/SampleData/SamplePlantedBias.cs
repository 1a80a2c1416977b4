using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// The one group bias deliberately built into generated data, so that bias audits have a known
/// finding to detect and the README can point at it.
/// </summary>
/// <param name="AttributeKey">End-user attribute that defines the disadvantaged group (e.g. <c>region</c>).</param>
/// <param name="AttributeValue">Value of that attribute for the disadvantaged group (e.g. <c>North</c>).</param>
/// <param name="Category">Item category in which the group is disadvantaged.</param>
/// <param name="AffectedType">The event whose probability is reduced.</param>
/// <param name="RateMultiplier">Factor applied to the group's probability of that event, whatever its taste.</param>
/// <param name="Description">Human-readable statement of the bias and how to see it.</param>
public sealed record SamplePlantedBias(
    string AttributeKey,
    string AttributeValue,
    string Category,
    InteractionType AffectedType,
    double RateMultiplier,
    string Description);
