using System.Security.Cryptography;

namespace Dashboard.Web.Security;

/// <summary>
/// Puts the browser-hardening headers on every response — pages, API answers, downloads, static
/// files and error pages alike (set when the response starts, so an exception handler that clears the
/// response keeps them). The Content-Security-Policy allows exactly what Blazor Server and MudBlazor
/// use: scripts from this origin plus the one inline import map, which carries this request's nonce;
/// inline styles, because MudBlazor writes style attributes and its theme's style element from the
/// circuit; and the circuit's WebSocket back to this origin.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceItem = "Dashboard.CspNonce";

    /// <summary>The nonce this response's Content-Security-Policy allows inline scripts with.</summary>
    public static string CspNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceItem] is string nonce)
        {
            return nonce;
        }

        // Hex, not Base64: Razor HTML-encodes "+" in the attribute, so a Base64 nonce would sometimes read
        // differently in the page than in the header (the browser decodes it; tests comparing text did not).
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    /// <summary>
    /// Scalar's API reference page (its default address): Scalar starts itself with an inline script it
    /// writes, which carries no nonce, and its bundle calls eval. The page has no sign-in and shows only
    /// the public API description, so only there scripts get these two allowances.
    /// </summary>
    public const string ApiReferencePath = "/scalar";

    public static string ContentSecurityPolicy(string nonce, PathString path) =>
        "default-src 'self'; " +
        (path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
            ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            : $"script-src 'self' 'nonce-{nonce}'; ") +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(CspNonce(http), http.Request.Path);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
