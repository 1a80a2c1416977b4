using System.Text.RegularExpressions;
using Dashboard.Application.Tests.Support;

namespace Dashboard.Application.Tests.Persistence;

public sealed partial class ApplicationContextTests
{
    /// <summary>
    /// The Application sees the database only through IAppDbContext; a cast to DbContext would reach what the
    /// interface leaves out: Identity's tables, any Set&lt;T&gt;, and Database (raw SQL, connections, transactions).
    /// </summary>
    [Fact]
    public void Application_NeverCastsItsContextToDbContext()
    {
        var casting = SourceFiles.Where(text => CastToDbContext().IsMatch(text), under: "Dashboard.Application");

        Assert.Empty(casting);
    }

    [GeneratedRegex(@"\(\s*(Microsoft\.EntityFrameworkCore\.)?DbContext\s*\)\s*\w|\b(as|is)\s+(Microsoft\.EntityFrameworkCore\.)?DbContext\b")]
    private static partial Regex CastToDbContext();
}
