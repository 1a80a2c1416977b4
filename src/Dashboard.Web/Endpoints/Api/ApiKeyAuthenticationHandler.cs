using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Application.DataSources.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// The "ApiKey" scheme of the API: the key comes in the <c>X-Api-Key</c> header and resolves to
/// its tenant and scopes (one claim each; <see cref="ApiScopePolicies"/> checks them per endpoint group). A key in the URL is refused with 400, because URLs end up in proxy and server logs.
/// The key itself is never logged and never put into a claim.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string TenantIdClaim = "dashboard:api_tenant_id";
    public const string KeyIdClaim = "dashboard:api_key_id";

    /// <summary>One claim per scope of the key (<see cref="Domain.DataSources.ApiScopes"/>).</summary>
    public const string ScopeClaim = "dashboard:api_scope";

    private const string KeyInUrlMessage = "The API key was sent in the URL.";

    private static readonly string[] KeyLikeQueryNames = ["api_key", "apikey", "api-key", "x-api-key", "key", "token"];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyInQueryString(Request.Query))
        {
            return AuthenticateResult.Fail(KeyInUrlMessage);
        }

        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count > 1)
        {
            return AuthenticateResult.Fail("More than one X-Api-Key header was sent.");
        }

        var identity = await authenticator.AuthenticateAsync(values[0], Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>(3 + identity.Scopes.Count)
        {
            new(TenantIdClaim, identity.TenantId.ToString()),
            new(KeyIdClaim, identity.KeyId.ToString()),
            new(ClaimTypes.Name, identity.KeyName),
        };
        claims.AddRange(identity.Scopes.Select(scope => new Claim(ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure?.Message == KeyInUrlMessage)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "API key in the URL",
                detail: $"Do not put the API key in the URL (it ends up in logs). Send it in the {HeaderName} header. If that was a real key, revoke it on the API keys page: it may have been recorded.")
                .ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key missing or not valid",
            detail: result.Failure is null
                ? $"Send your API key in the {HeaderName} header. Create one on the API keys page (Data sources)."
                : $"{result.Failure.Message} Check the {HeaderName} header, or create a new key on the API keys page (Data sources).")
            .ExecuteAsync(Context);
    }

    private static bool KeyInQueryString(IQueryCollection query) =>
        query.Any(q => KeyLikeQueryNames.Contains(q.Key, StringComparer.OrdinalIgnoreCase)
            || q.Value.Any(v => v is not null && v.StartsWith(ApiKeySecrets.KeyPrefix, StringComparison.Ordinal)));
}
