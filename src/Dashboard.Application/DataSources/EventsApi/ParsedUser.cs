using Dashboard.Application.DataSources.Ingestion;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>An end-user row that passed validation: its trimmed id and its attributes.</summary>
internal sealed record ParsedUser(string Id, IReadOnlyList<IngestedFact> Attributes);
