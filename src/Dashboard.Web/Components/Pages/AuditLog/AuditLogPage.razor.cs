using Dashboard.Application.Auditing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.AuditLog;

public sealed partial class AuditLogPage
{
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
    private MudTable<AuditLogRow>? _table;
    private IReadOnlyList<string> _people = [];
    private IReadOnlyList<(string Action, string Label)> _actions = [];
    private string? _person;
    private string? _action;
    private DateTime? _from;
    private DateTime? _to;
    private string? _search;
    private AuditLogRow? _selected;
    private bool _detailsOpen;

    [Inject]
    private AuditLogService AuditLog { get; set; } = default!;

    private AuditLogQuery Query => new(_person, _action,
        _from is { } from ? DateOnly.FromDateTime(from) : null, _to is { } to ? DateOnly.FromDateTime(to) : null, _search);

    private bool Filtered => Query != new AuditLogQuery();

    private string ExportUrl => Dashboard.Web.Endpoints.AuditLogEndpoints.ExportUrl(Query);

    protected override async Task OnInitializedAsync()
    {
        _people = await AuditLog.ListPeopleAsync();
        _actions = await AuditLog.ListActionsAsync();
    }

    private async Task<TableData<AuditLogRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var (rows, total) = await AuditLog.ListAsync(Query, state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new TableData<AuditLogRow> { Items = rows, TotalItems = total };
    }

    private void Open(AuditLogRow? row)
    {
        _selected = row;
        _detailsOpen = row is not null;
    }

    private Task PersonChangedAsync(string? value) => ReloadAsync(() => _person = value);

    private Task ActionChangedAsync(string? value) => ReloadAsync(() => _action = value);

    private Task FromChangedAsync(DateTime? value) => ReloadAsync(() => _from = value);

    private Task ToChangedAsync(DateTime? value) => ReloadAsync(() => _to = value);

    private Task SearchChangedAsync(string? value) => ReloadAsync(() => _search = string.IsNullOrWhiteSpace(value) ? null : value);

    private async Task ReloadAsync(Action change)
    {
        change();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}
