using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>The tenant's API keys: list, create with scopes (the key is returned once), revoke.</summary>
public sealed class ApiKeyService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, TimeProvider time, IApiKeyAuthenticator authenticator)
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageDataSources);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var keys = await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAtUtc != null)
            .ThenByDescending(k => k.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return [.. keys.Select(ToSummary)];
    }

    /// <param name="scopes">What the key may do (<see cref="ApiScopes"/>); at least one, each a known name.</param>
    public async Task<ApiKeyCreation> CreateAsync(string? name, IReadOnlyCollection<string>? scopes, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageDataSources);
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return new ApiKeyCreation(Result.Failure("Give the key a name, e.g. the system that will use it (\"Web shop\")."), null, null);
        }

        if (trimmed.Length > ApiKey.NameMaxLength)
        {
            return new ApiKeyCreation(Result.Failure($"The name is too long: at most {ApiKey.NameMaxLength} characters."), null, null);
        }

        if (scopes is null || scopes.Count == 0)
        {
            return new ApiKeyCreation(Result.Failure("Choose at least one scope: what the system using this key may do."), null, null);
        }

        if (scopes.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown)
        {
            return new ApiKeyCreation(Result.Failure($"\"{unknown}\" is not a scope. Choose from: {string.Join(", ", ApiScopes.Known)}."), null, null);
        }

        var key = ApiKeySecrets.Generate();
        var row = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = trimmed,
            Prefix = ApiKeySecrets.DisplayPrefix(key),
            Hash = ApiKeySecrets.Hash(key),
            Scopes = ApiScopes.Join(scopes),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = caller.UserName,
        };
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        db.ApiKeys.Add(row);
        audit.Record(db, caller, AuditActions.ApiKeyCreated, Describe(row), null, row.Scopes);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyCreation(Result.Success, ToSummary(row), key);
    }

    public async Task<Result> RevokeAsync(Guid keyId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageDataSources);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken)
            ?? throw new NotFoundException("That API key does not exist.");
        if (!row.IsActive)
        {
            return Result.Success;
        }

        row.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(db, caller, AuditActions.ApiKeyRevoked, Describe(row), "active", "revoked");
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Forget(row.Id);
        return Result.Success;
    }

    // The prefix identifies the key to people without being usable: it is 5 of the 43 random characters.
    private static string Describe(ApiKey row) => $"{row.Name} ({row.Prefix}…)";

    private static ApiKeySummary ToSummary(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, ApiScopes.Split(k.Scopes), k.CreatedAtUtc, k.CreatedBy, k.LastUsedAtUtc, k.RevokedAtUtc);
}
