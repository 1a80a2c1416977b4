using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns;

/// <summary>
/// The campaign detail page's e-mail export section: "Export now" and the schedule for people who manage campaigns,
/// the run under way with its progress (refreshed every two seconds while it lasts), and the finished exports with
/// their download links. Everything is decided by <see cref="CampaignExportService"/>, which checks the caller again.
/// </summary>
public sealed partial class CampaignExportPanel : IAsyncDisposable
{
    private const string NoSchedule = "";
    private const string CustomCron = "custom";

    private CampaignExportsView? _view;
    private string? _error;
    private string? _message;
    private string _preset = NoSchedule;
    private string? _cron;
    private bool _busy;
    private Poller? _poller;

    [Parameter, EditorRequired]
    public Guid CampaignId { get; set; }

    /// <summary>The campaign's concurrency stamp: a new one (the campaign started, paused, ended) reloads the panel, since whether it may export depends on that.</summary>
    [Parameter]
    public Guid Version { get; set; }

    [Inject]
    private CampaignExportService Exports { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        ShowSchedule();
    }

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Exports.GetAsync(CampaignId);
            _error = null;
            if (_view.Running is not null)
            {
                _poller ??= new Poller(TimeSpan.FromSeconds(2), RefreshAsync);
                _poller.EnsureRunning();
            }
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenAccessException)
        {
            _error = ex.Message;
        }
    }

    private async Task<bool> RefreshAsync()
    {
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
        return _view?.Running is not null;
    }

    private void ShowSchedule()
    {
        var cron = _view?.ExportCron;
        _preset = cron is null ? NoSchedule : CampaignExportSchedule.Presets.Any(p => p.Cron == cron) ? cron : CustomCron;
        _cron = cron;
    }

    private void PresetChanged(string value)
    {
        _preset = value;
        if (value != CustomCron)
        {
            _cron = value.Length == 0 ? null : value;
        }
    }

    private async Task ExportNowAsync()
    {
        await RunAsync(async () =>
        {
            var request = await Exports.ExportNowAsync(CampaignId);
            _message = request.Message;
            await LoadAsync();
        });
    }

    private async Task SaveScheduleAsync()
    {
        await RunAsync(async () =>
        {
            _view = await Exports.SetScheduleAsync(CampaignId, _cron);
            ShowSchedule();
            _message = $"The export now runs {_view.ScheduleText}.";
        });
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is ValidationException or NotFoundException or ForbiddenAccessException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Size(long bytes) => bytes >= 1_048_576
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024):N0} KB");
}
