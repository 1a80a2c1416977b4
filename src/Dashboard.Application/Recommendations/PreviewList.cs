using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Recommendations;

/// <summary>
/// A blend's list for one end-user as the page shows it, with the version that made it. <see cref="List"/> is
/// null when the blend has no usable active version yet (nothing trained or activated).
/// </summary>
public sealed record PreviewList(Guid BlendId, string BlendName, int? VersionNumber, RecommendationList? List);
