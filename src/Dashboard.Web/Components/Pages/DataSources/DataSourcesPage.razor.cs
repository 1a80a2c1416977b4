using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Domain.DataSources;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.DataSources;

public sealed partial class DataSourcesPage
{
    private IReadOnlyList<DataSourceSummary> _sources = [];
    private bool _loading = true;
    private Poller? _poller;

    [Inject]
    private DataSourceService Service { get; set; } = default!;

    [Inject]
    private ImportQueueService Imports { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private bool Busy => _sources.Any(s => s.ImportInProgress);

    public static string KindName(DataSourceKind kind) => kind switch
    {
        DataSourceKind.FileUpload => "File upload",
        DataSourceKind.SqlDatabase => "SQL database",
        DataSourceKind.EventsApi => "Events API",
        _ => "Sample data",
    };

    protected override async Task OnInitializedAsync()
    {
        _sources = await Service.ListAsync();
        _loading = false;
        _poller = new Poller(TimeSpan.FromSeconds(1), async () =>
        {
            var was = Busy;
            _sources = await Service.ListAsync();
            await InvokeAsync(StateHasChanged);
            return was || Busy;
        });
        if (Busy && RendererInfo.IsInteractive)
        {
            _poller.EnsureRunning();
        }
    }

    private async Task ImportNowAsync(DataSourceSummary source)
    {
        var replaced = await Imports.WhatImportReplacesAsync(source.Id);
        if (!await ConfirmReplaceDialog.ConfirmAsync(Dialogs, "Replace your data?", $"Importing \"{source.Name}\" now", replaced))
        {
            return;
        }

        var result = await Imports.ImportNowAsync(source.Id);
        Snackbar.Add(result.Succeeded ? $"Import of \"{source.Name}\" queued." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Warning);
        _sources = await Service.ListAsync();
        _poller?.EnsureRunning();
    }

    private async Task DeleteAsync(DataSourceSummary source)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete data source",
            $"Delete \"{source.Name}\", its uploaded files and its import history? Data already imported stays.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            var result = await Service.DeleteAsync(source.Id);
            Snackbar.Add(result.Succeeded ? $"\"{source.Name}\" deleted." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Warning);
        }
        catch (NotFoundException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        _sources = await Service.ListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }
}
