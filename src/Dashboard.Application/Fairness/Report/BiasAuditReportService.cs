using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness.Report;

/// <summary>
/// Builds the report of one bias audit of the caller's tenant (ViewDashboard): what was audited and concluded, the
/// sign-off, the thresholds it was judged by, the findings, the figures per group with charts, and the item side.
/// An audit of another tenant is not found. Group sizes are exact only for those who may see them
/// (<see cref="GroupSizeText"/>). It only reads.
/// </summary>
public sealed class BiasAuditReportService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, TimeProvider time)
{
    public async Task<BiasAuditReport> GetAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var audit = await db.BiasAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken)
            ?? throw new NotFoundException("That bias audit does not exist.");
        var organisation = await db.Tenants.Where(t => t.Id == caller.TenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) ?? caller.TenantName;
        var blend = await db.Blends.Where(b => b.Id == audit.BlendId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken);
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == audit.ModelVersionId, cancellationToken);
        var decisionAuditAt = version?.ReviewedAuditId is { } reviewed && reviewed != audit.Id
            ? await db.BiasAudits.Where(a => a.Id == reviewed).Select(a => (DateTime?)a.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken)
            : null;

        var source = new BiasAuditReportSource(
            organisation, time.GetUtcNow().UtcDateTime, blend ?? "a deleted blend", audit, version, decisionAuditAt, GroupSizeText.SeesExactSizes(caller));
        return new BiasAuditReport(FileStem(blend ?? "deleted-blend", audit.VersionNumber, audit.CreatedAtUtc), BiasAuditReportDocument.From(source));
    }

    /// <summary>"bias-audit-&lt;blend&gt;-v&lt;N&gt;-&lt;yyyyMMdd&gt;", the blend's name reduced to lower-case letters, digits and dashes.</summary>
    public static string FileStem(string blendName, int versionNumber, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(blendName);
        var slug = new string([.. blendName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        slug = slug.Trim('-');
        if (slug.Length > 40)
        {
            slug = slug[..40].TrimEnd('-');
        }

        return $"bias-audit-{(slug.Length == 0 ? "blend" : slug)}-v{versionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}-"
            + createdAtUtc.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
