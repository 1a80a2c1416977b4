using Dashboard.Application.Common;
using Dashboard.Application.Team;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Team;

public sealed partial class TeamPage
{
    private IReadOnlyList<TeamMember>? _members;
    private MudForm? _form;
    private NewMember _new = new();
    private IReadOnlyList<string> _errors = [];
    private bool _busy;
    private int _listVersion;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _members = await Team.ListAsync();

    private async Task AddAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Team.AddAsync(_new.Email, _new.DisplayName, _new.Password, _new.Role);
            _errors = result.Errors;
            if (result.Succeeded)
            {
                Snackbar.Add($"{_new.Email} added as {Roles.DisplayName(_new.Role)}.", Severity.Success);
                // Reset first (it clears the fields and their "required" errors), then fill in the defaults.
                await _form.ResetAsync();
                _new = new NewMember();
                _members = await Team.ListAsync();
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

    private Task ChangeRoleAsync(TeamMember member, string role) =>
        ApplyAsync(() => Team.ChangeRoleAsync(member.UserId, role), $"{member.Email} is now {Roles.DisplayName(role)}.");

    private Task ToggleDisabledAsync(TeamMember member) =>
        ApplyAsync(() => Team.SetDisabledAsync(member.UserId, !member.IsDisabled), $"{member.Email} {(member.IsDisabled ? "enabled" : "disabled")}.");

    private async Task ApplyAsync(Func<Task<Result>> change, string success)
    {
        // Everything in here is caught: the role select's items live in MudBlazor's popover layer, outside
        // the layout's ErrorBoundary, so an exception escaping this handler would end the circuit.
        try
        {
            var result = await change();
            if (result.Succeeded)
            {
                Snackbar.Add(success, Severity.Success);
            }
            else
            {
                Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
            }

            _members = await Team.ListAsync();
        }
        catch (Exception ex) when (ex is ForbiddenAccessException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _listVersion++;
        }
    }

    private sealed class NewMember
    {
        public string Email { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string Password { get; set; } = string.Empty;

        public string Role { get; set; } = Roles.Marketer;
    }
}
