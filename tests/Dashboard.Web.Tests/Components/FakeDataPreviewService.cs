using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Privacy;

namespace Dashboard.Web.Tests.Components;

/// <summary>Hands the page a fixed preview, so the test controls exactly what there is to render.</summary>
internal sealed class FakeDataPreviewService(DataPreview preview, PrivateCounts? attributeCounts = null) : IDataPreviewService
{
    /// <summary>The attribute keys asked for, in order.</summary>
    public List<string> CountsAsked { get; } = [];

    public Task<DataPreview> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(preview);

    public Task<PrivateCounts> AttributeCountsAsync(string key, CancellationToken cancellationToken = default)
    {
        CountsAsked.Add(key);
        return Task.FromResult(attributeCounts ?? new PrivateCounts(ReleaseKind.Exact, [], null, null));
    }
}
