using System.Security.Cryptography;
using System.Text;
using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// The Segments page: list (with the campaigns each segment is the audience of), read, add, change, delete, and
/// a size estimate while the rules are edited. Everyone may look; changes need ManageBlendsAndCampaigns, are
/// checked against the organisation's data (<see cref="SegmentRulesCheck"/>: never a sensitive attribute) and audited
/// with before and after. The estimate is exact only for those who may manage privacy; others get it through
/// <see cref="DifferentialPrivacyService"/>, noised and paid from the month's budget once per distinct set of rules.
/// </summary>
public sealed class SegmentService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, SegmentSnapshots snapshots, DifferentialPrivacyService privacy, TimeProvider time)
{
    /// <summary>The group name a segment's size is released under; the campaign preview asks the same question.</summary>
    public const string SizeGroup = "segment";

    public async Task<IReadOnlyList<SegmentView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var campaigns = await CampaignsAsync(db, null, cancellationToken);
        return [.. segments.Select(s => ToView(s, campaigns))];
    }

    public async Task<SegmentView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("That segment does not exist.");
        return ToView(segment, await CampaignsAsync(db, id, cancellationToken));
    }

    /// <summary>What the editor offers: attributes (not sensitive ones) with their values, categories and consent purposes.</summary>
    public async Task<SegmentVocabulary> VocabularyAsync(CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        return await VocabularyAsync(db, cancellationToken);
    }

    public async Task<SegmentSaveResult> CreateAsync(SegmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var now = time.GetUtcNow().UtcDateTime;
        var segment = new Segment { Id = Guid.CreateVersion7(), Name = string.Empty, DefinitionJson = string.Empty, CreatedAtUtc = now };
        var problems = await ApplyAsync(db, segment, input, cancellationToken);
        if (problems.Count > 0)
        {
            return SegmentSaveResult.Refused(problems);
        }

        db.Segments.Add(segment);
        audit.Record(db, caller, AuditActions.SegmentCreated, segment.Name, null, Describe(segment, []));
        await db.SaveChangesAsync(cancellationToken);
        return SegmentSaveResult.Saved(segment.Id);
    }

    public async Task<SegmentSaveResult> UpdateAsync(Guid id, SegmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("That segment does not exist.");
        if (input.ConcurrencyStamp != segment.ConcurrencyStamp)
        {
            return SegmentSaveResult.Refused([new FieldMessage(string.Empty, StaleMessage(segment.Name))]);
        }

        var before = Describe(segment, []);
        var problems = await ApplyAsync(db, segment, input, cancellationToken);
        if (problems.Count > 0)
        {
            return SegmentSaveResult.Refused(problems);
        }

        audit.Record(db, caller, AuditActions.SegmentUpdated, segment.Name, before, Describe(segment, []));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SegmentSaveResult.Refused([new FieldMessage(string.Empty, StaleMessage(segment.Name))]);
        }

        return SegmentSaveResult.Saved(segment.Id);
    }

    /// <summary>Deletes the segment; the campaigns it was the audience of keep existing without one (the database clears their link) and are named.</summary>
    public async Task<SegmentDeletion> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("That segment does not exist.");
        var campaigns = (await CampaignsAsync(db, id, cancellationToken)).GetValueOrDefault(id, []).Select(c => c.Name).ToList();
        db.Segments.Remove(segment);
        audit.Record(db, caller, AuditActions.SegmentDeleted, segment.Name, Describe(segment, campaigns), null);
        await db.SaveChangesAsync(cancellationToken);
        return new SegmentDeletion(segment.Name, campaigns);
    }

    /// <summary>
    /// How many end-users the rules hold now, as the caller may see it. Rules that could not be saved are not
    /// counted (their problems come back instead), so nothing is spent on a half-written rule.
    /// </summary>
    public async Task<SegmentEstimate> EstimateAsync(SegmentDefinition? definition, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        SegmentDefinition canonical;
        int exact;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            var vocabulary = await VocabularyAsync(db, cancellationToken);
            var problems = SegmentRulesCheck.Validate(definition, vocabulary);
            if (problems.Count > 0)
            {
                return SegmentEstimate.Invalid(problems);
            }

            canonical = SegmentRulesCheck.Canonical(definition!, vocabulary);
            exact = await snapshots.CountAsync(caller.TenantId, canonical, cancellationToken);
        }

        var released = await privacy.CountsAsync(SizeQuery(canonical), [new PrivateCount(SizeGroup, exact)], cancellationToken: cancellationToken);
        return released.CountOf(SizeGroup) is { } count
            ? new SegmentEstimate(released.Kind, Math.Max(0, count), released.Label, [])
            : new SegmentEstimate(ReleaseKind.Refused, null, released.Label, []);
    }

    /// <summary>
    /// The privacy ledger's name for a size question: the canonical rules themselves, so the same rules asked again
    /// this month are answered free and cannot average the noise away; a digest of them when they are too long to store.
    /// </summary>
    public static string SizeQuery(SegmentDefinition canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var json = canonical.ToJson();
        var text = "Segment size: " + json;
        return text.Length <= PrivacyBudgetSpend.QueryMaxLength
            ? text
            : "Segment size, rules SHA-256 " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private async Task<List<FieldMessage>> ApplyAsync(IAppDbContext db, Segment segment, SegmentInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FieldMessage>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > Segment.NameMaxLength)
        {
            problems.Add(new(nameof(SegmentInput.Name), $"Give the segment a name of 1 to {Segment.NameMaxLength} characters."));
        }
        else if (await db.Segments.AnyAsync(s => s.Name == name && s.Id != segment.Id, cancellationToken))
        {
            problems.Add(new(nameof(SegmentInput.Name), $"There is already a segment named “{name}”."));
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > Segment.DescriptionMaxLength)
        {
            problems.Add(new(nameof(SegmentInput.Description), $"Keep the description to {Segment.DescriptionMaxLength} characters."));
        }

        var vocabulary = await VocabularyAsync(db, cancellationToken);
        problems.AddRange(SegmentRulesCheck.Validate(input.Definition, vocabulary));
        if (problems.Count > 0)
        {
            return problems;
        }

        segment.Name = name;
        segment.Description = description;
        segment.DefinitionJson = SegmentRulesCheck.Canonical(input.Definition!, vocabulary).ToJson();
        segment.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        segment.ConcurrencyStamp = Guid.NewGuid();
        return problems;
    }

    private async Task<SegmentVocabulary> VocabularyAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await snapshots.VocabularyAsync(db.TenantId, await ConsentPurposes.NamesAsync(db, cancellationToken), cancellationToken);

    private async Task<Dictionary<Guid, List<SegmentCampaign>>> CampaignsAsync(IAppDbContext db, Guid? segmentId, CancellationToken cancellationToken)
    {
        var query = db.Campaigns.AsNoTracking().Where(c => c.SegmentId != null);
        if (segmentId is { } id)
        {
            query = query.Where(c => c.SegmentId == id);
        }

        var rows = await query.OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return rows.GroupBy(c => c.SegmentId!.Value).ToDictionary(g => g.Key, g => g.Select(c => new SegmentCampaign(c.Id, c.Name, c.EffectiveState(now))).ToList());
    }

    private static SegmentView ToView(Segment s, Dictionary<Guid, List<SegmentCampaign>> campaigns)
    {
        var definition = SegmentDefinition.Parse(s.DefinitionJson);
        return new SegmentView(s.Id, s.Name, s.Description, definition, SegmentText.Describe(definition), campaigns.GetValueOrDefault(s.Id, []), s.UpdatedAtUtc, s.ConcurrencyStamp);
    }

    /// <summary>The segment in readable words, for the audit log's before and after.</summary>
    private static string Describe(Segment segment, List<string> campaigns) => AuditFields.Write(
        ("Name", segment.Name),
        ("Description", segment.Description ?? "none"),
        ("Rules", SegmentText.Describe(SegmentDefinition.Parse(segment.DefinitionJson))),
        ("Campaigns", campaigns.Count > 0 ? string.Join(", ", campaigns) : null));

    private static string StaleMessage(string name) => $"“{name}” was changed by someone else since you opened it; reload it to see their change, then make yours again.";

    private Task<CallerContext> ReaderAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);

    private Task<CallerContext> ManagerAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ManageBlendsAndCampaigns, cancellationToken);
}
