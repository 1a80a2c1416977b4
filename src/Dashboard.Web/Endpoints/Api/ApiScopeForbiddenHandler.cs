using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dashboard.Web.Api;

/// <summary>
/// Answers an API key that lacks an endpoint's scope with 403 problem details that name the scope and
/// where to get a key with it; every other authorization outcome goes to the default handler.
/// </summary>
internal sealed class ApiScopeForbiddenHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var missing = authorizeResult.Forbidden
            ? authorizeResult.AuthorizationFailure?.FailedRequirements
                .OfType<ClaimsAuthorizationRequirement>()
                .FirstOrDefault(r => r.ClaimType == ApiKeyAuthenticationHandler.ScopeClaim)?.AllowedValues?.FirstOrDefault()
            : null;
        if (missing is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "API key lacks a scope",
            detail: $"This endpoint needs the scope {missing}, and this API key does not have it. Create a key with {missing} on the API keys page (Data sources); a key's scopes cannot be changed after creation.",
            extensions: new Dictionary<string, object?> { ["missing_scope"] = missing })
            .ExecuteAsync(context);
    }
}
