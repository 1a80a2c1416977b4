using Dashboard.Infrastructure.Demo;

namespace Dashboard.Web.Services;

/// <summary>
/// The one line a person waits for after <c>dotnet run</c>: where the dashboard listens and, for the shipped
/// demo, how to sign in. Written after Kestrel has bound, so it comes after the build and set-up output.
/// </summary>
public static class ReadyLine
{
    private static readonly string[] WildcardHosts = ["[::]", "0.0.0.0", "+", "*"];

    /// <param name="addresses">What the server bound; a wildcard host is shown as localhost so the URL can be opened.</param>
    /// <param name="demo">The demo settings.</param>
    /// <param name="demoAccountsExist">Whether the demo users are in the database (they are only created on an empty one).</param>
    public static string Build(IEnumerable<string> addresses, DemoOptions demo, bool demoAccountsExist)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(demo);
        var urls = addresses.Select(Openable).ToList();
        var line = urls.Count == 0 ? "Dashboard is ready" : "Dashboard is ready at " + string.Join(" and ", urls);
        if (!demo.Enabled || !demoAccountsExist)
        {
            return line + ".";
        }

        var accounts = $"admin@{demo.EmailDomain} / marketer@{demo.EmailDomain} / compliance@{demo.EmailDomain}";
        // Same rule as DemoSeeder: the documented password is public, one an operator configured is never logged.
        var password = demo.Password == DemoOptions.DefaultPassword ? "password " + demo.Password : "the password in Demo:Password";
        return $"{line} — sign in as {accounts}, {password}.";
    }

    private static string Openable(string address)
    {
        foreach (var host in WildcardHosts)
        {
            var prefix = "://" + host + ":";
            var at = address.IndexOf(prefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                return string.Concat(address.AsSpan(0, at), "://localhost:", address.AsSpan(at + prefix.Length));
            }
        }

        return address;
    }
}
