using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;

namespace Dashboard.Application.Tests.Privacy;

public sealed class SampleConsentFileTests
{
    [Fact]
    public void TheCopyInDocs_IsTheFileTheDashboardOffers_DatedAsItsNameSays()
    {
        var docs = File.ReadAllText(Path.Combine(SourceFiles.RepositoryRoot(), "docs", "samples", SampleConsentFile.FileName));

        Assert.Equal(SampleConsentFile.Create(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc)), docs);
    }
}
