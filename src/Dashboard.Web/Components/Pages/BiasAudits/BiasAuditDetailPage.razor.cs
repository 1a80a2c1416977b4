using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.BiasAudits;

public sealed partial class BiasAuditDetailPage
{
    private BiasAuditDetail? _detail;
    private IReadOnlyList<FigureHistory> _history = [];
    private bool _notFound;
    private string? _message;
    private bool _messageIsError;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private BiasAuditQueries Queries { get; set; } = default!;

    [Inject]
    private BiasAuditRequests Requests { get; set; } = default!;

    /// <summary>The history chart opens on this audit's worst finding.</summary>
    private string? WorstKey => _detail?.Document.Report.Findings.OrderBy(FindingsList.Rank).Select(BiasAuditQueries.KeyOf).FirstOrDefault();

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _detail = await Queries.GetAsync(Id);
            _history = await Queries.HistoryAsync(_detail.Audit.BlendId);
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private async Task AuditAgainAsync()
    {
        if (_detail is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Requests.RequestAsync(_detail.Audit.ModelVersionId);
            _messageIsError = !result.Succeeded;
            _message = result.Succeeded
                ? $"Version {_detail.Audit.VersionNumber} is queued for a new audit; it appears in the list when it finishes (follow it on the Jobs page)."
                : string.Join(" ", result.Errors);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DecidedAsync(string message)
    {
        _messageIsError = false;
        _message = message;
        await LoadAsync();
    }
}
