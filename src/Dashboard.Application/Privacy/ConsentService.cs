using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// The consent part of the Privacy page: the organisation's purposes (the built-in ones and those it adds), what an
/// end-user with no record means, and the current coverage per purpose. Reading needs ViewDashboard; adding a purpose
/// and changing the setting need ManagePrivacy and are audited with their before and after. A change of the setting
/// reaches serving at once (the consent gate is told) and training from its next run.
/// </summary>
public sealed class ConsentService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, IConsentGate gate, TimeProvider time)
{
    private static readonly Dictionary<string, string> BuiltInDescriptions = new(StringComparer.Ordinal)
    {
        [ConsentPurpose.Personalisation] = "Recommendations made from the end-user's own history. Training and personalised lists use only end-users who consent.",
        [ConsentPurpose.Analytics] = "Reports and statistics about how the end-user uses the service.",
        [ConsentPurpose.MarketingMessages] = "Messages and campaigns sent to the end-user.",
    };

    public async Task<IReadOnlyList<ConsentPurposeView>> PurposesAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var added = await db.ConsentPurposes.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return
        [
            .. ConsentPurpose.BuiltIn.Select(n => new ConsentPurposeView(n, BuiltInDescriptions[n], true)),
            .. added.Where(p => !ConsentPurposes.IsBuiltIn(p.Name)).Select(p => new ConsentPurposeView(p.Name, p.Description, false)),
        ];
    }

    /// <summary>Adds a purpose the organisation asks consent for; its name must be new (whatever the case) and at most <see cref="ConsentPurpose.NameMaxLength"/> characters.</summary>
    public async Task<Result> AddPurposeAsync(string? name, string? description, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var trimmed = name?.Trim() ?? string.Empty;
        var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmed.Length == 0)
        {
            return Result.Failure("Give the purpose a name.");
        }

        if (trimmed.Length > ConsentPurpose.NameMaxLength)
        {
            return Result.Failure($"The name is {trimmed.Length} characters long; at most {ConsentPurpose.NameMaxLength} are allowed.");
        }

        if (text is { Length: > ConsentPurpose.DescriptionMaxLength })
        {
            return Result.Failure($"The description is {text.Length} characters long; at most {ConsentPurpose.DescriptionMaxLength} are allowed.");
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        if (ConsentPurposes.Resolve(await ConsentPurposes.NamesAsync(db, cancellationToken), trimmed) is { } existing)
        {
            return Result.Failure($"The organisation already has the purpose “{existing}”.");
        }

        db.ConsentPurposes.Add(new ConsentPurpose
        {
            Id = Guid.CreateVersion7(),
            Name = trimmed,
            Description = text,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.Record(db, caller, AuditActions.ConsentPurposeAdded, trimmed, null, text);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<bool> NoRecordMeansConsentedAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        return (await db.PrivacySettingsAsync(cancellationToken)).NoRecordMeansConsented;
    }

    /// <summary>Sets what an end-user with no consent record means for every purpose; audited when it changes.</summary>
    public async Task SetNoRecordMeansConsentedAsync(bool value, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsForUpdateAsync(cancellationToken);
        if (settings.NoRecordMeansConsented == value)
        {
            return;
        }

        var before = NoRecordMeaning(settings.NoRecordMeansConsented);
        settings.NoRecordMeansConsented = value;
        settings.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = caller.ActorName;
        audit.Record(db, caller, AuditActions.NoRecordMeansConsentedChanged, "No consent record", before, NoRecordMeaning(value));
        await db.SaveChangesAsync(cancellationToken);
        gate.ConsentChanged(caller.TenantId);
    }

    /// <summary>Granted / withdrawn / no record per purpose, from each end-user's latest record up to <paramref name="asOfUtc"/> (now when null).</summary>
    public async Task<IReadOnlyList<ConsentCoverage>> CoverageAsync(DateTime? asOfUtc = null, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        var asOf = asOfUtc ?? time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var noRecordMeansConsented = (await db.PrivacySettingsAsync(cancellationToken)).NoRecordMeansConsented;
        var endUsers = await db.EndUsers.CountAsync(cancellationToken);
        var coverage = new List<ConsentCoverage>();
        foreach (var purpose in await ConsentPurposes.NamesAsync(db, cancellationToken))
        {
            var states = await ConsentGate.LatestStatesAsync(db, purpose, asOf, cancellationToken);
            var granted = states.Values.Count(g => g);
            coverage.Add(new ConsentCoverage(purpose, granted, states.Count - granted, Math.Max(0, endUsers - states.Count), noRecordMeansConsented, asOf));
        }

        return coverage;
    }

    /// <summary>The audit log's words for the setting's two values.</summary>
    public static string NoRecordMeaning(bool consented) => consented ? "Consented" : "Not consented";
}
