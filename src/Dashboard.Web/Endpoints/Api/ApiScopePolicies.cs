using Dashboard.Domain.DataSources;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Api;

/// <summary>
/// One authorization policy per API scope: the API-key scheme only (a signed-in browser's cookie does
/// not open the API) and a scope claim with that name. <see cref="ApiScopeForbiddenHandler"/> turns a
/// refusal into a 403 problem naming the missing scope.
/// </summary>
public static class ApiScopePolicies
{
    private const string Prefix = "ApiScope:";

    public static string For(string scope) => Prefix + scope;

    public static AuthorizationBuilder AddApiScopePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var scope in ApiScopes.Known)
        {
            builder.AddPolicy(For(scope), p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope));
        }

        return builder;
    }
}
