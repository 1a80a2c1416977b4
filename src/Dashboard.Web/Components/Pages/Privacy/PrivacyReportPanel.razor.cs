using Dashboard.Application.Privacy.Report;
using Dashboard.Application.Reports;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>The Privacy page's Overview tab: the privacy report on screen, with its CSV and PDF downloads.</summary>
public sealed partial class PrivacyReportPanel
{
    private PrivacyReport? _report;
    private ReportDocument? _document;

    [Inject]
    private PrivacyReportService Reports { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _report = await Reports.GetAsync();
        _document = PrivacyReportDocument.From(_report);
    }
}
