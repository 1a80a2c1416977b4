using Dashboard.Application.Privacy.Report;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Tests.Privacy;

public sealed class PrivacyReportDocumentTests
{
    [Fact]
    public void ErasureReceipt_NamesWhatWasRemovedInWords_NotTableNames_AndLeavesOutEmptyTables()
    {
        var receipt = new PrivacyRequestReceipt("ER-20261201-AF8940", PrivacyRequestKind.Erasure, DateTime.UtcNow, DateTime.UtcNow, "Privacy page", true,
            new Dictionary<string, long> { ["EndUsers"] = 1, ["EndUserAttributes"] = 3, ["ServedRecommendations"] = 0, ["Interactions"] = 219 }, ["Default v1"]);

        Assert.Equal("end-user record: 1, attributes: 3, interactions: 219", PrivacyReportDocument.RowsRemoved(receipt));
    }
}
