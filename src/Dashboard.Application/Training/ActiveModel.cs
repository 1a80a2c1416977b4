using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Training;

/// <summary>The model serving a blend now: the loaded engine model and which version it is.</summary>
public sealed record ActiveModel(Guid BlendId, string BlendName, Guid VersionId, int VersionNumber, BlendModel Model);
