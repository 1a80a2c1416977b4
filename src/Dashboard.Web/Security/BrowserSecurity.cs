using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Security;

/// <summary>Cookie and transport settings that tell the browser how to treat this app.</summary>
public static class BrowserSecurity
{
    public static IHostApplicationBuilder AddBrowserSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Outside Development the sign-in cookies are always Secure, also when a TLS-terminating proxy
        // forwards plain HTTP; browsers accept Secure cookies from http://localhost. In Development they
        // follow the request (Secure over HTTPS). The antiforgery cookie keeps following the request:
        // with "always" antiforgery refuses every plain-HTTP form, and it guards no session by itself.
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = securePolicy);

        // Sent on HTTPS responses outside Development (UseHsts); a year is the preload lists' minimum.
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }
}
