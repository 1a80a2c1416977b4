using Dashboard.Domain.Identity;

namespace Dashboard.Application.Common;

/// <summary>
/// Who is calling a use case, for which tenant, with which rights. A person (circuit or HTTP request)
/// has roles; an API key or a job has no roles but may hold policies granted to it directly. The
/// audit log names the caller by <see cref="ActorName"/>.
/// </summary>
/// <param name="UserId">The person's account id; empty when no person acts (API key, system).</param>
/// <param name="UserName">The person acting, the person who requested a job, or the key's or system task's own name.</param>
public sealed record CallerContext(string UserId, string UserName, Guid TenantId, string TenantName, IReadOnlySet<string> Roles)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public CallerKind Kind { get; init; } = CallerKind.Person;

    /// <summary>For a job, the job's name (what acts on behalf of <see cref="UserName"/>).</summary>
    public string? Via { get; init; }

    /// <summary>Policies held without a role: a job holds the one its kind needs, checked when it was requested.</summary>
    public IReadOnlySet<string> Grants { get; init; } = None;

    /// <summary>How the audit log and job history name this caller.</summary>
    public string ActorName => Kind switch
    {
        CallerKind.ApiKey => $"API key \"{UserName}\"",
        CallerKind.Job => $"{UserName} via job \"{Via}\"",
        _ => UserName,
    };

    public static CallerContext ForApiKey(Guid tenantId, string keyName) =>
        new(string.Empty, keyName, tenantId, string.Empty, None) { Kind = CallerKind.ApiKey };

    /// <summary>A job run: it acts for whoever requested it, with the one policy its kind needs.</summary>
    public static CallerContext ForJob(Guid tenantId, string jobName, string requestedBy, string grantedPolicy) =>
        new(string.Empty, requestedBy, tenantId, string.Empty, None) { Kind = CallerKind.Job, Via = jobName, Grants = new HashSet<string> { grantedPolicy } };

    /// <summary>Work the application starts on its own (start-up set-up, schedules), named for what it is.</summary>
    public static CallerContext ForSystem(Guid tenantId, string name) =>
        new(string.Empty, name, tenantId, string.Empty, None) { Kind = CallerKind.System };

    public bool Can(string policy) => Policies.Allows(policy, Roles) || Grants.Contains(policy);

    /// <summary>Throws <see cref="ForbiddenAccessException"/> unless the caller holds <paramref name="policy"/>.</summary>
    public void Demand(string policy)
    {
        if (!Can(policy))
        {
            throw new ForbiddenAccessException(policy);
        }
    }
}
