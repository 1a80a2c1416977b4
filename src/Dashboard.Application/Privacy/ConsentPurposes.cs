using Dashboard.Application.Common;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// The one place that says which purposes a tenant has: the built-in ones (<see cref="ConsentPurpose.BuiltIn"/>),
/// which every tenant always has and which are never stored, then the ones the tenant added (stored rows).
/// </summary>
public static class ConsentPurposes
{
    /// <summary>The tenant's purpose names, built-in first, then added ones by name.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = await db.ConsentPurposes.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        return [.. ConsentPurpose.BuiltIn, .. added.Where(n => !IsBuiltIn(n))];
    }

    public static bool IsBuiltIn(string name) => ConsentPurpose.BuiltIn.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The purpose as the tenant spells it, matched without regard to case; null when the tenant has no such purpose.</summary>
    public static string? Resolve(IReadOnlyList<string> names, string? text)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = text?.Trim();
        return string.IsNullOrEmpty(wanted) ? null : names.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
