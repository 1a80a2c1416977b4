using Dashboard.Application.DataSources.Preview;

namespace Dashboard.Web.Tests.Components;

/// <summary>Hands the page a fixed preview, so the test controls exactly what there is to render.</summary>
internal sealed class FakeDataPreviewService(DataPreview preview) : IDataPreviewService
{
    public Task<DataPreview> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(preview);
}
