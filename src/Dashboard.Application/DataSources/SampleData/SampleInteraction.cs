using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// One generated event. Users and items are referred to by their index in
/// <see cref="SampleDataSet.Users"/> and <see cref="SampleDataSet.Items"/> because database ids only
/// exist once the writer has stored them.
/// </summary>
/// <param name="UserIndex">Index into <see cref="SampleDataSet.Users"/>.</param>
/// <param name="ItemIndex">Index into <see cref="SampleDataSet.Items"/>.</param>
/// <param name="Type">What happened.</param>
/// <param name="Value">The 1–5 star rating for <see cref="InteractionType.Rating"/>, otherwise 1.</param>
/// <param name="OccurredAtUtc">When it happened (UTC).</param>
public readonly record struct SampleInteraction(
    int UserIndex,
    int ItemIndex,
    InteractionType Type,
    double Value,
    DateTime OccurredAtUtc);
