using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Dashboard.Web.Api;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Security;
using Dashboard.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Dashboard.Web;

public static class DependencyInjection
{
    /// <summary>Largest message a browser may send to its Blazor circuit.</summary>
    public const int MaxCircuitMessageBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // A page that hands its prerendered data to the circuit ([PersistentState], e.g. the Data preview:
        // about 40 KB for the demo, a few hundred KB at most with every field at its maximum length) has
        // the browser send that state back in the circuit's first message. SignalR's default limit of 32 KB
        // would close the connection and leave the page dead.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        services.AddMudServices();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<HangfireOperatorFilter>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        // Every request re-checks the cookie's security stamp against the account (one indexed lookup), so a
        // role change or a disabled account applies at the next page load — not after the default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder().AddDashboardPolicies();
        services.AddSingleton<IEmailSender<Infrastructure.Identity.ApplicationUser>, IdentityNoOpEmailSender>();

        services.AddHealthChecks();
        builder.AddBrowserSecurity();
        builder.AddEventsApi();
        return builder;
    }

    /// <summary>One authorization policy per entry of <see cref="Policies.RolesByPolicy"/>.</summary>
    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (policy, roles) in Policies.RolesByPolicy)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }
}
