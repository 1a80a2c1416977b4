using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>An event row that passed validation, in the domain's terms.</summary>
internal sealed record ParsedEvent(string UserId, string ItemId, InteractionType Type, double Value, DateTime OccurredAtUtc);
