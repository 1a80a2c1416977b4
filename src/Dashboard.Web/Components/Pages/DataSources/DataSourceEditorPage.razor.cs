using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.DataSources;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.DataSources;

public sealed partial class DataSourceEditorPage
{
    private static readonly DatasetKind[] Datasets = [DatasetKind.Interactions, DatasetKind.Items, DatasetKind.EndUserAttributes, DatasetKind.Consents];

    private readonly EditorModel _model = new();
    private DataSourceDetails? _details;
    private List<string> _errors = [];
    private bool _busy;
    private bool _notFound;
    private bool _replaceConnection;
    private int _tab;
    private FilePreview? _preview;
    private List<MappingRow> _mapping = [];
    private IReadOnlyList<ImportRunView> _history = [];
    private ImportRunReport? _report;
    private Poller? _poller;

    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private DataSourceService Service { get; set; } = default!;

    [Inject]
    private SqlConnectionTestService Connections { get; set; } = default!;

    [Inject]
    private ImportHistoryService History { get; set; } = default!;

    [Inject]
    private ImportQueueService Imports { get; set; } = default!;

    [Inject]
    private DataSourceUploadService Uploads { get; set; } = default!;

    [Inject]
    private IOptions<DataSourcesOptions> Options { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private DatasetKind CurrentDataset => Datasets[_tab];

    /// <summary>The saved name, not the Name field: an edit that is not (or cannot be) saved does not rename the page.</summary>
    private string Heading => Id is null ? "Add data source" : _details?.Settings.Name ?? "Data source";

    private bool ImportRunning => _history.Any(h => h.Run.State is ImportState.Queued or ImportState.Running);

    protected override async Task OnParametersSetAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        try
        {
            _details = await Service.GetAsync(id);
        }
        catch (NotFoundException)
        {
            _notFound = true;
            return;
        }

        _model.Load(_details);
        _history = await History.HistoryAsync(id);
        _poller ??= new Poller(TimeSpan.FromSeconds(1), async () =>
        {
            var was = ImportRunning;
            _history = await History.HistoryAsync(id);
            await InvokeAsync(StateHasChanged);
            return was || ImportRunning;
        });
        if (ImportRunning && RendererInfo.IsInteractive)
        {
            _poller.EnsureRunning();
        }

        if (_model.Kind == DataSourceKind.FileUpload)
        {
            await LoadPreviewAsync();
        }
    }

    private static string TabName(DatasetKind dataset) => dataset switch
    {
        DatasetKind.Interactions => "Interactions",
        DatasetKind.Items => "Items",
        DatasetKind.Consents => "Consent",
        _ => "End-user attributes",
    };

    private static string ModeHelp(ImportMode mode) => mode == ImportMode.Replace
        ? "Replace: the import becomes the dataset; the previous rows of that dataset are removed."
        : "Append: new rows are added; items and end-users named again are updated, and interactions you already have are skipped.";

    private static string QueryHelp(DatasetKind dataset) => dataset switch
    {
        DatasetKind.Interactions => "Columns named user_id, item_id, event_type, value, timestamp (use AS to rename).",
        DatasetKind.Items => "Columns named item_id (or id), title, category, tags, price; other columns become attributes.",
        DatasetKind.Consents => "Columns named user_id, purpose, state (granted/withdrawn), occurred_at, and optionally source, notice_version, proof_reference. Always appended: the consent history is kept.",
        _ => "A column user_id (or id); other columns become attributes.",
    };

    /// <summary>"comma-separated", not ",-separated"; MovieLens files have their own fixed layout.</summary>
    private static string DelimiterText(string delimiter) =>
        delimiter == "MovieLens" ? "in the MovieLens layout" : TextDetection.DelimiterName(delimiter) + "-separated";

    private static string? Short(string? value) => value is { Length: > 80 } v ? v[..80] + "…" : value;

    /// <summary>A problem of the whole input (a query that failed) names no line: its cell stays empty rather than saying 0.</summary>
    private static string LineText(long line) => line == ImportError.WholeInput ? string.Empty : line.ToString("N0", CultureInfo.CurrentCulture);

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var input = _model.ToInput();
            if (Id is { } id)
            {
                var result = await Service.UpdateAsync(id, input);
                _errors = [.. result.Errors];
                if (result.Succeeded)
                {
                    Snackbar.Add("Saved.", Severity.Success);
                    _model.ConnectionString = null;
                    _replaceConnection = false;
                    _details = await Service.GetAsync(id);
                }
            }
            else
            {
                var (result, newId) = await Service.CreateAsync(input);
                _errors = [.. result.Errors];
                if (result.Succeeded)
                {
                    Snackbar.Add("Data source added.", Severity.Success);
                    Navigation.NavigateTo($"/data-sources/{newId}");
                }
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task TestConnectionAsync()
    {
        _busy = true;
        try
        {
            var result = await Connections.TestConnectionAsync(Id, _model.SqlProvider, _model.ConnectionString);
            Snackbar.Add(result.Succeeded ? "Connected." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SelectTabAsync(int tab)
    {
        _tab = tab;
        await LoadPreviewAsync();
    }

    private async Task LoadPreviewAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        _preview = await Uploads.PreviewAsync(id, CurrentDataset);
        _mapping = [.. _preview.Mapping.Columns.Select(c => new MappingRow { Column = c.Column, Field = c.Field, Sensitive = c.Sensitive, QuasiIdentifier = c.QuasiIdentifier })];
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || Id is not { } id)
        {
            return;
        }

        var max = Options.Value.MaxUploadBytes;
        if (file.Size > max)
        {
            Snackbar.Add($"The file is larger than the limit of {DataSourceService.FormatBytes(max)}.", Severity.Error);
            return;
        }

        _busy = true;
        try
        {
            // The browser stream refuses to deliver more than the limit; the service copies it to disk in chunks.
            await using var stream = file.OpenReadStream(max);
            var result = await Uploads.UploadAsync(id, CurrentDataset, file.Name, stream);
            Snackbar.Add(result.Succeeded ? $"{file.Name} uploaded." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
            _details = await Service.GetAsync(id);
            await LoadPreviewAsync();
        }
        catch (IOException ex)
        {
            Snackbar.Add($"The upload failed: {ex.Message}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveMappingAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        var mapping = new ColumnMapping([.. _mapping.Select(m => new ColumnMap(m.Column, m.Field, m.Sensitive, m.QuasiIdentifier))]);
        var result = await Uploads.SaveMappingAsync(id, CurrentDataset, mapping);
        Snackbar.Add(result.Succeeded ? "Mapping saved." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
    }

    private async Task ImportNowAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        var replaced = await Imports.WhatImportReplacesAsync(id);
        if (!await ConfirmReplaceDialog.ConfirmAsync(Dialogs, "Replace your data?", $"Importing \"{Heading}\" now", replaced))
        {
            return;
        }

        var result = await Imports.ImportNowAsync(id);
        Snackbar.Add(result.Succeeded ? "Import queued." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Warning);
        _history = await History.HistoryAsync(id);
        _poller?.EnsureRunning();
    }

    private async Task ShowReportAsync(ImportRunView view)
    {
        try
        {
            _report = await History.ReportAsync(view.Run.Id);
        }
        catch (NotFoundException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }

    private sealed class MappingRow
    {
        public required string Column { get; init; }

        public string Field { get; set; } = ImportFields.Ignore;

        public bool Sensitive { get; set; }

        public bool QuasiIdentifier { get; set; }
    }

    /// <summary>The form's mutable state; converted to the service's input on save.</summary>
    private sealed class EditorModel
    {
        public string Name { get; set; } = string.Empty;

        public DataSourceKind Kind { get; set; } = DataSourceKind.FileUpload;

        public ImportMode Mode { get; set; }

        public BadRowPolicy BadRows { get; set; }

        public int MaxErrors { get; set; } = 1;

        public UnknownItemPolicy UnknownItems { get; set; }

        public int? MaxEventsPerUserPerDay { get; set; }

        public string? EventWeightsJson { get; set; }

        public FileFormat FileFormat { get; set; }

        public string Delimiter { get; set; } = string.Empty;

        public string Encoding { get; set; } = string.Empty;

        public SqlProvider SqlProvider { get; set; }

        public string? ConnectionString { get; set; }

        public Dictionary<DatasetKind, string?> Queries { get; } = [];

        public string SampleTemplate { get; set; } = SampleCatalogTemplates.ECommerce;

        public int Users { get; set; } = 2_000;

        public int Items { get; set; } = 500;

        public int Interactions { get; set; } = 100_000;

        public int Days { get; set; } = 180;

        public int Seed { get; set; } = 42;

        public string? Query(DatasetKind dataset) => Queries.GetValueOrDefault(dataset);

        public void Load(DataSourceDetails details)
        {
            var s = details.Settings;
            (Name, Kind, Mode, BadRows, MaxErrors, UnknownItems, MaxEventsPerUserPerDay, EventWeightsJson) =
                (s.Name, s.Kind, s.Mode, s.BadRows, s.MaxErrors, s.UnknownItems, s.MaxEventsPerUserPerDay, s.EventWeightsJson);
            (FileFormat, Delimiter, Encoding, SqlProvider) = (s.FileFormat, s.Delimiter ?? string.Empty, s.Encoding ?? string.Empty, s.SqlProvider ?? SqlProvider.SqlServer);
            foreach (var (dataset, query) in s.Queries)
            {
                Queries[dataset] = query;
            }

            SampleTemplate = s.SampleTemplate ?? SampleCatalogTemplates.ECommerce;
            if (s.SampleOptions is { } o)
            {
                (Users, Items, Interactions, Days, Seed) = (o.Users, o.Items, o.Interactions, o.Days, o.Seed);
            }
        }

        public DataSourceInput ToInput() => new()
        {
            Name = Name, Kind = Kind, Mode = Mode, BadRows = BadRows, MaxErrors = MaxErrors, UnknownItems = UnknownItems,
            MaxEventsPerUserPerDay = MaxEventsPerUserPerDay, EventWeightsJson = EventWeightsJson, FileFormat = FileFormat,
            Delimiter = Delimiter, Encoding = Encoding, SqlProvider = Kind == DataSourceKind.SqlDatabase ? SqlProvider : null, ConnectionString = ConnectionString,
            Queries = new Dictionary<DatasetKind, string?>(Queries), SampleTemplate = SampleTemplate,
            SampleOptions = Kind == DataSourceKind.SampleData
                ? new SampleDataOptions { Users = Users, Items = Items, Interactions = Interactions, Days = Days, Seed = Seed }
                : null,
        };
    }

    private static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
