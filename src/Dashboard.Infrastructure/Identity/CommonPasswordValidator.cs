using System.Reflection;
using Dashboard.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Identity;

/// <summary>
/// NIST SP 800-63B style: length is the rule (12+, set in IdentityOptions), and passwords found in a
/// list of commonly used or breached passwords are refused. The list ships as an embedded resource;
/// the check also refuses a password made of one repeated character or of the user's own e-mail, and
/// the demo organisation's password (public in the README) for every account but the demo's own three.
/// </summary>
internal sealed class CommonPasswordValidator(IOptions<DemoOptions> demo) : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsDemoPassword(password) && !demo.Value.IsDemoAccount(user?.Email))
        {
            return Task.FromResult(Fail("This is the demo organisation's password, which is public. Choose your own."));
        }

        var lowered = password.ToLowerInvariant();
        if (IsCommon(lowered))
        {
            return Task.FromResult(Fail("This password is on a list of commonly used passwords. Choose a less predictable one — a few unrelated words work well."));
        }

        var email = user?.Email?.ToLowerInvariant();
        if (!string.IsNullOrEmpty(email) && ContainsEmail(lowered, email))
        {
            return Task.FromResult(Fail("The password must not contain your e-mail address."));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private bool IsDemoPassword(string password) =>
        string.Equals(password, DemoOptions.DefaultPassword, StringComparison.OrdinalIgnoreCase)
        || string.Equals(password, demo.Value.Password, StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole address, or its local part when that is long enough to be a real giveaway.</summary>
    private static bool ContainsEmail(string lowered, string email)
    {
        var local = email.Split('@')[0];
        return lowered.Contains(email, StringComparison.Ordinal)
            || (local.Length >= 6 && lowered.Contains(local, StringComparison.Ordinal));
    }

    internal static bool IsCommon(string lowered)
    {
        if (lowered.Distinct().Count() <= 2)
        {
            return true;
        }

        return CommonPasswords.Value.Contains(lowered);
    }

    private static IdentityResult Fail(string description) =>
        IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = description });

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dashboard.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
