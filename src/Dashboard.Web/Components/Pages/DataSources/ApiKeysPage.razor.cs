using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Domain.DataSources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.DataSources;

public sealed partial class ApiKeysPage
{
    private IReadOnlyList<ApiKeySummary>? _keys;
    private MudForm? _form;
    private string _name = string.Empty;
    private readonly HashSet<string> _scopes = [ApiScopes.EventsWrite];
    private IReadOnlyList<string> _errors = [];
    private bool _busy;
    private ApiKeySummary? _created;
    private string? _createdKey;
    private string _apiBase = "/api/v1";
    private int _maxBatch;

    [Inject]
    private ApiKeyService ApiKeys { get; set; } = default!;

    [Inject]
    private IOptions<EventsApiOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private string CurlExample =>
        $$"""
        curl -X POST {{_apiBase}}/events \
          -H "X-Api-Key: $DASHBOARD_API_KEY" \
          -H "Content-Type: application/json" \
          -d '{"events":[{"user_id":"u-1001","item_id":"sku-42","type":"purchase","timestamp":"2026-05-01T09:30:00Z"},{"user_id":"u-1001","item_id":"sku-42","type":"rating","value":4.5,"timestamp":1777627800}]}'

        # with the scope recommendations:read
        curl -H "X-Api-Key: $DASHBOARD_API_KEY" "{{_apiBase}}/recommendations?user_id=u00001&count=10"
        """;

    protected override async Task OnInitializedAsync()
    {
        _apiBase = Navigation.ToAbsoluteUri("/api/v1").ToString();
        _maxBatch = Options.Value.MaxBatchSize;
        _keys = await ApiKeys.ListAsync();
    }

    private async Task CreateAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _busy = true;
        try
        {
            var creation = await ApiKeys.CreateAsync(_name, _scopes);
            _errors = creation.Result.Errors;
            if (creation.Result.Succeeded)
            {
                _created = creation.Summary;
                _createdKey = creation.Key;
                // Resetting the form (not just the field) keeps the emptied name from showing "required" after a success.
                await _form.ResetAsync();
                _scopes.Clear();
                _scopes.Add(ApiScopes.EventsWrite);
                _keys = await ApiKeys.ListAsync();
            }
        }
        catch (ForbiddenAccessException ex)
        {
            _errors = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    private void ToggleScope(string scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _createdKey);
            Snackbar.Add("Key copied to the clipboard.", Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add("The browser did not allow copying; select the key and copy it by hand.", Severity.Warning);
        }
    }

    // Forgetting the key on close means it cannot resurface later in this circuit.
    private void DismissCreated()
    {
        _created = null;
        _createdKey = null;
    }

    private async Task RevokeAsync(ApiKeySummary key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke API key?",
            $"Systems using \"{key.Name}\" ({key.Prefix}…) will be refused from now on. This cannot be undone.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            var result = await ApiKeys.RevokeAsync(key.Id);
            Snackbar.Add(result.Succeeded ? $"\"{key.Name}\" revoked." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
        }
        catch (Exception ex) when (ex is ForbiddenAccessException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        _keys = await ApiKeys.ListAsync();
    }

    private static string Format(DateTime utc) => Dashboard.Application.Common.UtcText.Format(utc);
}
