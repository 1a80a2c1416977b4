using Dashboard.Application.Jobs;
using Dashboard.Application.Overview;
using Dashboard.Domain.Jobs;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Overview;

public sealed partial class OverviewPage
{
    private OverviewSummary? _summary;
    private IReadOnlyList<JobRunView> _jobs = [];
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private Poller? _poller;

    [Inject]
    private OverviewService Overview { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    private static string StepIcon(GettingStartedStep step) => step switch
    {
        { Done: true } => Icons.Material.Filled.CheckCircle,
        { Available: true } => Icons.Material.Outlined.RadioButtonUnchecked,
        _ => Icons.Material.Outlined.Schedule,
    };

    private bool HasActiveJobs => _jobs.Any(j => j.State is JobState.Queued or JobState.Running);

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _poller = new Poller(TimeSpan.FromSeconds(2), async () =>
        {
            var wasActive = HasActiveJobs;
            await LoadAsync();
            await InvokeAsync(StateHasChanged);
            return wasActive || HasActiveJobs;
        });
        if (HasActiveJobs && RendererInfo.IsInteractive)
        {
            _poller.EnsureRunning();
        }
    }

    private async Task LoadAsync()
    {
        _summary = await Overview.GetAsync();
        _jobs = await Jobs.ListAsync(5);
        var days = _summary.InteractionsPerDay;
        _series = [new ChartSeries<double> { Name = "Interactions", Data = new ChartData<double>(days.Select(d => (double)d.Count).ToArray()), TooltipYValueFormat = "N0" }];
        // Label roughly every other week so the axis stays readable over 180 days.
        var every = Math.Max(1, days.Count / 12);
        _labels = days.Select((d, i) => i % every == 0 ? d.Day.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture) : string.Empty).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }
}
