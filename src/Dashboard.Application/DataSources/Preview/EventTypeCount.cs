using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.Preview;

/// <summary>How many interactions have one event type.</summary>
public sealed record EventTypeCount(InteractionType Type, int Count);
