using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Training;

/// <summary>
/// A blend's model versions: list them with their metrics, compare two, activate one or roll back to the
/// previous ready one. Reading needs the dashboard; moving the active pointer needs ManageBlendsAndCampaigns.
/// </summary>
public sealed class ModelVersionService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, ModelActivation activation, DifferentialPrivacyService privacy)
{
    public async Task<IReadOnlyList<ModelVersionView>> ListAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await LoadBlendAsync(db, blendId, cancellationToken);
        var versions = await db.ModelVersions.AsNoTracking().Where(v => v.BlendId == blendId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return [.. versions.Select(v => ForCaller(caller, ModelVersionView.From(v, blend.ActiveVersionId)))];
    }

    /// <summary>
    /// The end-users in each sensitive-attribute group of a version, as the caller may see them: exact for those who
    /// manage privacy, otherwise with differential-privacy noise (spending ε once per version and month; see
    /// <see cref="DifferentialPrivacyService"/>), or refused when the month's budget is spent.
    /// </summary>
    public async Task<PrivateCounts> GroupSizesAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        VersionMetrics metrics;
        int number;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            var version = await LoadVersionAsync(db, versionId, cancellationToken);
            (metrics, number) = (VersionMetrics.FromJson(version.MetricsJson), version.Number);
        }

        var attributes = metrics.Groups.Select(g => g.Attribute).Distinct(StringComparer.Ordinal).Count();
        if (attributes == 0)
        {
            return new PrivateCounts(ReleaseKind.Exact, [], null, null);
        }

        var exact = metrics.Groups.Select(g => new PrivateCount(GroupLabel(g), g.EndUsers)).ToList();
        return await privacy.CountsAsync(
            string.Create(CultureInfo.InvariantCulture, $"End-users per sensitive-attribute group of model version {number} (id {versionId})"),
            exact, attributes, cancellationToken);
    }

    /// <summary>How a group is named in <see cref="GroupSizesAsync"/>'s answer.</summary>
    public static string GroupLabel(SensitiveGroupMetrics group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return $"{group.Attribute}: {group.Group}";
    }

    /// <summary>Group sizes are aggregates about people: only those who manage privacy get them in the listing; others ask <see cref="GroupSizesAsync"/>.</summary>
    private static ModelVersionView ForCaller(CallerContext caller, ModelVersionView view) => caller.Can(Policies.ManagePrivacy)
        ? view
        : view with { Metrics = view.Metrics with { Groups = [.. view.Metrics.Groups.Select(g => g with { EndUsers = SensitiveGroupMetrics.Withheld })] } };

    public async Task<VersionComparison> CompareAsync(Guid firstVersionId, Guid secondVersionId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var first = await LoadVersionAsync(db, firstVersionId, cancellationToken);
        var second = await LoadVersionAsync(db, secondVersionId, cancellationToken);
        if (first.BlendId != second.BlendId)
        {
            throw new NotFoundException("Both versions must belong to the same blend.");
        }

        var blend = await LoadBlendAsync(db, first.BlendId, cancellationToken);
        var (a, b) = (ForCaller(caller, ModelVersionView.From(first, blend.ActiveVersionId)), ForCaller(caller, ModelVersionView.From(second, blend.ActiveVersionId)));
        return new VersionComparison(a, b, [.. a.Metrics.Named.Zip(b.Metrics.Named, (x, y) => new MetricDelta(x.Name, x.Value, y.Value))]);
    }

    public async Task<Result> ActivateAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw new NotFoundException("That model version does not exist.");
        var blend = await LoadBlendAsync(db, version.BlendId, cancellationToken, tracked: true);
        return await activation.ActivateAsync(db, blend, version, caller, AuditActions.ModelVersionActivated, cancellationToken);
    }

    /// <summary>Activates the newest ready version older than the active one.</summary>
    public async Task<Result> RollBackAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await LoadBlendAsync(db, blendId, cancellationToken, tracked: true);
        var active = blend.ActiveVersionId is { } id ? await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) : null;
        if (active is null)
        {
            return Result.Failure($"“{blend.Name}” has no active version to roll back from.");
        }

        var previous = await db.ModelVersions
            .Where(v => v.BlendId == blendId && v.Number < active.Number && v.Status == ModelVersionStatus.Ready)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return previous is null
            ? Result.Failure($"“{blend.Name}” has no earlier ready version than version {active.Number} to roll back to.")
            : await activation.ActivateAsync(db, blend, previous, caller, AuditActions.ModelVersionRolledBack, cancellationToken);
    }

    private static async Task<Blend> LoadBlendAsync(IAppDbContext db, Guid blendId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Blends : db.Blends.AsNoTracking();
        return await query.FirstOrDefaultAsync(b => b.Id == blendId, cancellationToken) ?? throw new NotFoundException("That blend does not exist.");
    }

    private static async Task<ModelVersion> LoadVersionAsync(IAppDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
        ?? throw new NotFoundException("That model version does not exist.");
}
