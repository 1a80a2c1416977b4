using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Compliance;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// The Campaigns pages' campaigns: list, read, add, change, delete, and their life — start (scheduled or running),
/// pause, resume, end. Input is checked with field messages before anything is saved; a start or resume is refused,
/// with every reason in a sentence, when the audience is missing or empty, an arm's blend is gone or has no active
/// version, the compliance gate blocks an arm's version, or another live campaign of the same channel and segment
/// overlaps its dates. Every change needs ManageBlendsAndCampaigns and writes one audit entry.
/// </summary>
/// <param name="exportSchedules">The scheduled exports of e-mail campaigns, kept in step with each save, state change and deletion.</param>
public sealed class CampaignService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, IReleaseGate gate, SegmentEvaluator segments,
    ICampaignExportSchedules exportSchedules, TimeProvider time)
{
    public const int MinListSize = 1;
    public const int MaxListSize = 100;
    public const int MaxArms = 5;
    public const string NoSegmentYet = "no segment yet";
    public const string SegmentDeleted = "segment deleted";
    public const string BlendDeleted = "blend deleted";

    public async Task<IReadOnlyList<CampaignView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Arms).OrderByDescending(c => c.StartsAtUtc).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, cancellationToken);
        var now = Now;
        return [.. campaigns.Select(c => ToView(c, names, now))];
    }

    public async Task<CampaignView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("That campaign does not exist.");
        return ToView(campaign, await NamesAsync(db, cancellationToken), Now);
    }

    /// <summary>The segments, blends and item categories the editor's pickers offer.</summary>
    public async Task<CampaignEditorChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var segmentChoices = await db.Segments.AsNoTracking().OrderBy(s => s.Name).Select(s => new CampaignChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var blendChoices = await db.Blends.AsNoTracking().OrderBy(b => b.Name).Select(b => new CampaignChoice(b.Id, b.Name)).ToListAsync(cancellationToken);
        var categories = await db.Items.AsNoTracking().Where(i => i.Category != null).Select(i => i.Category!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        return new CampaignEditorChoices(segmentChoices, blendChoices, categories);
    }

    public async Task<CampaignSaveResult> CreateAsync(CampaignInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var now = Now;
        var campaign = new Campaign { Id = Guid.CreateVersion7(), Name = string.Empty, RulesJson = CampaignRules.None.ToJson(), State = CampaignState.Draft, CreatedAtUtc = now };
        var problems = await ValidateAsync(db, campaign, input, cancellationToken);
        if (problems.Count > 0)
        {
            return CampaignSaveResult.Refused(problems);
        }

        Apply(db, campaign, input, now);
        db.Campaigns.Add(campaign);
        audit.Record(db, caller, AuditActions.CampaignCreated, campaign.Name, null, await DescribeAsync(db, campaign, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        ApplyExportSchedule(caller.TenantId, campaign);
        return CampaignSaveResult.Saved(campaign.Id);
    }

    /// <summary>Changes a draft or paused campaign; a scheduled or running one is paused first, so what it serves never changes unseen.</summary>
    public async Task<CampaignSaveResult> UpdateAsync(Guid id, CampaignInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await LoadAsync(db, id, cancellationToken);
        if (input.ConcurrencyStamp != campaign.ConcurrencyStamp)
        {
            return CampaignSaveResult.Refused([new FieldMessage(string.Empty, StaleMessage(campaign.Name))]);
        }

        var now = Now;
        if (campaign.EffectiveState(now) is not (CampaignState.Draft or CampaignState.Paused))
        {
            return CampaignSaveResult.Refused([new FieldMessage(string.Empty,
                $"“{campaign.Name}” is {StateWord(campaign.EffectiveState(now))}: only a draft or a paused campaign can be changed{(campaign.EffectiveState(now) == CampaignState.Ended ? "" : "; pause it first")}.")]);
        }

        var problems = await ValidateAsync(db, campaign, input, cancellationToken);
        if (problems.Count > 0)
        {
            return CampaignSaveResult.Refused(problems);
        }

        var before = await DescribeAsync(db, campaign, cancellationToken);
        Apply(db, campaign, input, now);
        audit.Record(db, caller, AuditActions.CampaignUpdated, campaign.Name, before, await DescribeAsync(db, campaign, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CampaignSaveResult.Refused([new FieldMessage(string.Empty, StaleMessage(campaign.Name))]);
        }

        ApplyExportSchedule(caller.TenantId, campaign);
        return CampaignSaveResult.Saved(campaign.Id);
    }

    /// <summary>Deletes the campaign with its arms and exports; its served lists and feedback stay (they keep the ids for the record).</summary>
    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await LoadAsync(db, id, cancellationToken);
        var state = campaign.EffectiveState(Now);
        if (state is CampaignState.Scheduled or CampaignState.Running)
        {
            return Result.Failure($"“{campaign.Name}” is {StateWord(state)}. Pause or end it first, then delete it.");
        }

        db.Campaigns.Remove(campaign);
        audit.Record(db, caller, AuditActions.CampaignDeleted, campaign.Name, await DescribeAsync(db, campaign, cancellationToken), null);
        await db.SaveChangesAsync(cancellationToken);
        exportSchedules.Apply(caller.TenantId, id, null);

        return Result.Success;
    }

    /// <summary>Starts a draft: scheduled when its start is still ahead, running otherwise — only when <see cref="StartProblemsAsync"/> finds nothing.</summary>
    /// <param name="now">True to start at once even when the campaign's start date is still ahead: its start becomes now.</param>
    public async Task<Result> StartAsync(Guid id, bool now = false, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await LoadAsync(db, id, cancellationToken);
        var at = Now;
        if (campaign.State != CampaignState.Draft)
        {
            return Result.Failure($"“{campaign.Name}” is {StateWord(campaign.EffectiveState(at))}; only a draft is started.");
        }

        if (now && campaign.StartsAtUtc > at)
        {
            campaign.StartsAtUtc = at;
        }

        var problems = await StartProblemsAsync(db, campaign, at, cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure(problems);
        }

        if (campaign.StartsAtUtc > at)
        {
            Move(campaign, CampaignState.Scheduled, at);
            audit.Record(db, caller, AuditActions.CampaignScheduled, campaign.Name, null, $"on {UtcText.Format(campaign.StartsAtUtc)}");
        }
        else
        {
            Move(campaign, CampaignState.Running, at);
            audit.Record(db, caller, AuditActions.CampaignStarted, campaign.Name, null, await ArmsSentenceAsync(db, campaign, cancellationToken));
        }

        return await SaveStateAsync(db, caller, campaign, cancellationToken);
    }

    public async Task<Result> PauseAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await LoadAsync(db, id, cancellationToken);
        var now = Now;
        var state = campaign.EffectiveState(now);
        if (state is not (CampaignState.Scheduled or CampaignState.Running))
        {
            return Result.Failure($"“{campaign.Name}” is {StateWord(state)}; only a scheduled or running campaign is paused.");
        }

        Move(campaign, CampaignState.Paused, now);
        audit.Record(db, caller, AuditActions.CampaignPaused, campaign.Name, null, null);
        return await SaveStateAsync(db, caller, campaign, cancellationToken);
    }

    /// <summary>Resumes a paused campaign after the same checks as a start: the data, the blends or the gate may have changed meanwhile.</summary>
    public async Task<Result> ResumeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await LoadAsync(db, id, cancellationToken);
        var now = Now;
        var state = campaign.EffectiveState(now);
        if (state != CampaignState.Paused)
        {
            return Result.Failure($"“{campaign.Name}” is {StateWord(state)}; only a paused campaign is resumed.");
        }

        var problems = await StartProblemsAsync(db, campaign, now, cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure(problems);
        }

        Move(campaign, campaign.StartsAtUtc > now ? CampaignState.Scheduled : CampaignState.Running, now);
        audit.Record(db, caller, AuditActions.CampaignResumed, campaign.Name, null, null);
        return await SaveStateAsync(db, caller, campaign, cancellationToken);
    }

    public async Task<Result> EndAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await LoadAsync(db, id, cancellationToken);
        var now = Now;
        var state = campaign.EffectiveState(now);
        if (state is not (CampaignState.Scheduled or CampaignState.Running or CampaignState.Paused))
        {
            return Result.Failure($"“{campaign.Name}” is {StateWord(state)}; only a scheduled, running or paused campaign is ended.");
        }

        Move(campaign, CampaignState.Ended, now);
        audit.Record(db, caller, AuditActions.CampaignEnded, campaign.Name, null, null);
        return await SaveStateAsync(db, caller, campaign, cancellationToken);
    }

    /// <summary>
    /// Why the campaign may not start (or resume) now, one sentence each; empty when it may. The audience must exist and
    /// hold end-users today; each arm's blend must exist and have an active version the compliance gate lets go live;
    /// no other live campaign of the same channel and segment may overlap its dates.
    /// </summary>
    private async Task<List<string>> StartProblemsAsync(IAppDbContext db, Campaign campaign, DateTime now, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (campaign.EndsAtUtc is { } end && end <= now)
        {
            problems.Add($"Its end ({UtcText.Format(end)}) has passed; move the end date first.");
        }

        var segment = campaign.SegmentId is { } segmentId ? await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == segmentId, cancellationToken) : null;
        if (segment is null)
        {
            problems.Add(campaign.State == CampaignState.Draft
                ? "It has no segment: choose who it is for first."
                : "Its segment was deleted: choose another segment first.");
        }
        else
        {
            var members = await segments.MembersAsync(db, SegmentDefinition.Parse(segment.DefinitionJson), now, cancellationToken);
            if (members.Count == 0)
            {
                problems.Add($"The segment “{segment.Name}” has no end-users today, so the campaign would reach nobody.");
            }
        }

        var blendIds = campaign.Arms.Where(a => a.BlendId != null).Select(a => a.BlendId!.Value).ToList();
        var blends = await db.Blends.AsNoTracking().Where(b => blendIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var versionIds = blends.Values.Where(b => b.ActiveVersionId != null).Select(b => b.ActiveVersionId!.Value).ToList();
        var versions = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        foreach (var arm in campaign.Arms.OrderBy(a => a.Position))
        {
            if (arm.BlendId is not { } blendId || !blends.TryGetValue(blendId, out var blend))
            {
                problems.Add($"Arm {arm.Name}: its blend was deleted; edit the campaign and choose another blend for it.");
                continue;
            }

            if (blend.ActiveVersionId is not { } versionId || !versions.TryGetValue(versionId, out var version))
            {
                problems.Add($"Arm {arm.Name}: the blend “{blend.Name}” has no active version yet; train it on the Algorithms page first.");
                continue;
            }

            if (version.Status != Domain.Blends.ModelVersionStatus.Ready)
            {
                problems.Add($"Arm {arm.Name}: version {version.Number} of the blend “{blend.Name}” is unusable ({version.UnusableReason}); activate another version first.");
                continue;
            }

            var decision = await gate.CheckAsync(version, cancellationToken);
            if (!decision.Allowed)
            {
                problems.Add($"Arm {arm.Name}: version {version.Number} of the blend “{blend.Name}” may not go live: {decision.Reason}");
            }
        }

        if (segment is not null)
        {
            var overlapping = await OverlappingAsync(db, campaign, now, cancellationToken);
            if (overlapping.Count > 0)
            {
                problems.Add($"Its dates overlap {Names("campaign", "campaigns", overlapping)}, which already {(overlapping.Count == 1 ? "targets" : "target")} "
                    + $"the segment “{segment.Name}” on the {PlainWords.Of(campaign.Channel).ToLowerInvariant()} channel; change the dates or end the other first.");
            }
        }

        return problems;
    }

    /// <summary>Live campaigns (scheduled, running or paused) of the same channel and segment whose dates meet this one's; an open end runs forever.</summary>
    private static async Task<List<string>> OverlappingAsync(IAppDbContext db, Campaign campaign, DateTime now, CancellationToken cancellationToken)
    {
        var others = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id != campaign.Id && c.Channel == campaign.Channel && c.SegmentId == campaign.SegmentId
                && (c.State == CampaignState.Scheduled || c.State == CampaignState.Running || c.State == CampaignState.Paused))
            .ToListAsync(cancellationToken);
        return [.. others
            .Where(c => c.EffectiveState(now) != CampaignState.Ended)
            .Where(c => c.StartsAtUtc < (campaign.EndsAtUtc ?? DateTime.MaxValue) && campaign.StartsAtUtc < (c.EndsAtUtc ?? DateTime.MaxValue))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)];
    }

    private static async Task<List<FieldMessage>> ValidateAsync(IAppDbContext db, Campaign campaign, CampaignInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FieldMessage>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > Campaign.NameMaxLength)
        {
            problems.Add(new(nameof(CampaignInput.Name), $"Give the campaign a name of 1 to {Campaign.NameMaxLength} characters."));
        }
        else if (await db.Campaigns.AnyAsync(c => c.Name == name && c.Id != campaign.Id, cancellationToken))
        {
            problems.Add(new(nameof(CampaignInput.Name), $"There is already a campaign named “{name}”."));
        }

        if (!Enum.IsDefined(input.Goal))
        {
            problems.Add(new(nameof(CampaignInput.Goal), "Choose what the campaign is judged by: clicks or conversions."));
        }

        if (!Enum.IsDefined(input.Channel))
        {
            problems.Add(new(nameof(CampaignInput.Channel), "Choose where the lists are shown: web, app or e-mail."));
        }

        if (input.ListSize is < MinListSize or > MaxListSize)
        {
            problems.Add(new(nameof(CampaignInput.ListSize), $"A list holds {MinListSize} to {MaxListSize} items."));
        }

        if (input.StartsAtUtc == default)
        {
            problems.Add(new(nameof(CampaignInput.StartsAtUtc), "Choose when the campaign starts."));
        }
        else if (input.EndsAtUtc is { } end && end <= input.StartsAtUtc)
        {
            problems.Add(new(nameof(CampaignInput.EndsAtUtc), $"The end ({UtcText.Format(end)}) must come after the start ({UtcText.Format(input.StartsAtUtc)})."));
        }

        if (input.SegmentId is { } segmentId)
        {
            if (!await db.Segments.AnyAsync(s => s.Id == segmentId, cancellationToken))
            {
                problems.Add(new(nameof(CampaignInput.SegmentId), "That segment does not exist (it may have been deleted); choose another."));
            }
        }
        else if (campaign.State != CampaignState.Draft)
        {
            problems.Add(new(nameof(CampaignInput.SegmentId), "A campaign that has started keeps an audience: choose a segment."));
        }

        problems.AddRange(await ValidateArmsAsync(db, input.Arms ?? [], cancellationToken));
        problems.AddRange(await ValidateRulesAsync(db, input.Rules ?? CampaignRules.None, input.ListSize, cancellationToken));
        return problems;
    }

    private static async Task<List<FieldMessage>> ValidateArmsAsync(IAppDbContext db, IReadOnlyList<CampaignArmInput> arms, CancellationToken cancellationToken)
    {
        const string field = nameof(CampaignInput.Arms);
        var problems = new List<FieldMessage>();
        if (arms.Count is 0 or > MaxArms)
        {
            problems.Add(new(field, $"A campaign has 1 to {MaxArms} arms."));
            return problems;
        }

        var blendIds = arms.Where(a => a.BlendId != null).Select(a => a.BlendId!.Value).Distinct().ToList();
        var existing = await db.Blends.Where(b => blendIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arms.Count; i++)
        {
            var arm = arms[i];
            var armName = arm.Name?.Trim() ?? string.Empty;
            if (armName.Length == 0 || armName.Length > CampaignArm.NameMaxLength)
            {
                problems.Add(new($"{field}[{i}].Name", $"Give arm {i + 1} a name of 1 to {CampaignArm.NameMaxLength} characters."));
            }
            else if (!seen.Add(armName))
            {
                problems.Add(new($"{field}[{i}].Name", $"Two arms are named “{armName}”; give each its own name."));
            }

            if (arm.BlendId is not { } blendId)
            {
                problems.Add(new($"{field}[{i}].BlendId", $"Choose a blend for arm {Label(armName, i)}."));
            }
            else if (!existing.Contains(blendId))
            {
                problems.Add(new($"{field}[{i}].BlendId", $"The blend of arm {Label(armName, i)} does not exist (it may have been deleted); choose another."));
            }

            if (arms.Count > 1 && arm.SharePercent is < 1 or > 99)
            {
                problems.Add(new($"{field}[{i}].SharePercent", $"Arm {Label(armName, i)} needs a share of 1 to 99 %."));
            }
        }

        var total = arms.Sum(a => (long)a.SharePercent);
        if (total != 100)
        {
            problems.Add(new(field, $"The arms' shares add up to {total.ToString(CultureInfo.InvariantCulture)} %; they must add up to 100 %."));
        }

        return problems;
    }

    private static async Task<List<FieldMessage>> ValidateRulesAsync(IAppDbContext db, CampaignRules rules, int listSize, CancellationToken cancellationToken)
    {
        const string field = nameof(CampaignInput.Rules);
        var problems = new List<FieldMessage>();
        var categoryNames = rules.IncludeCategories.Concat(rules.ExcludeCategories).Distinct(StringComparer.Ordinal).ToList();
        var knownCategories = await db.Items.Where(i => i.Category != null && categoryNames.Contains(i.Category)).Select(i => i.Category!).Distinct().ToListAsync(cancellationToken);
        var itemIds = rules.ExcludeItems.Concat(rules.PinnedItems.Select(p => p.ItemId)).Concat(rules.BoostedItems.Select(b => b.ItemId)).Distinct(StringComparer.Ordinal).ToList();
        var knownItems = await db.Items.Where(i => itemIds.Contains(i.ExternalId)).Select(i => i.ExternalId).ToListAsync(cancellationToken);

        void Unknown(string part, string what, IEnumerable<string> names, ICollection<string> known)
        {
            var missing = names.Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new($"{field}.{part}", $"No {what} {string.Join(", ", missing.Select(m => $"“{m}”"))} in your data."));
            }
        }

        Unknown(nameof(CampaignRules.IncludeCategories), "category", rules.IncludeCategories, knownCategories);
        Unknown(nameof(CampaignRules.ExcludeCategories), "category", rules.ExcludeCategories, knownCategories);
        Unknown(nameof(CampaignRules.ExcludeItems), "item", rules.ExcludeItems, knownItems);
        Unknown(nameof(CampaignRules.PinnedItems), "item", rules.PinnedItems.Select(p => p.ItemId), knownItems);
        Unknown(nameof(CampaignRules.BoostedItems), "item", rules.BoostedItems.Select(b => b.ItemId), knownItems);
        if (rules.IncludeCategories.Intersect(rules.ExcludeCategories, StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            problems.Add(new($"{field}.{nameof(CampaignRules.ExcludeCategories)}", $"The category “{both}” is both included and excluded."));
        }

        foreach (var pin in rules.PinnedItems.Where(p => p.Position < 1 || p.Position > listSize))
        {
            problems.Add(new($"{field}.{nameof(CampaignRules.PinnedItems)}", $"“{pin.ItemId}” is pinned at position {pin.Position}; positions run from 1 to the list size ({listSize})."));
        }

        foreach (var clash in rules.PinnedItems.GroupBy(p => p.Position).Where(g => g.Count() > 1))
        {
            problems.Add(new($"{field}.{nameof(CampaignRules.PinnedItems)}", $"Two items are pinned at position {clash.Key}; give each its own position."));
        }

        foreach (var boost in rules.BoostedItems.Where(b => !(b.Boost >= 0 && b.Boost <= 1)))
        {
            problems.Add(new($"{field}.{nameof(CampaignRules.BoostedItems)}", $"The boost of “{boost.ItemId}” must be between 0 and 1."));
        }

        if (rules.MaxPerCategory is < 1)
        {
            problems.Add(new($"{field}.{nameof(CampaignRules.MaxPerCategory)}", "At most how many items of one category? At least 1, or leave it empty for the blend's own cap."));
        }

        return problems;
    }

    private static void Apply(IAppDbContext db, Campaign campaign, CampaignInput input, DateTime now)
    {
        campaign.Name = input.Name.Trim();
        campaign.Goal = input.Goal;
        campaign.Channel = input.Channel;
        campaign.SegmentId = input.SegmentId;
        campaign.RulesJson = (input.Rules ?? CampaignRules.None).ToJson();
        campaign.ListSize = input.ListSize;
        campaign.StartsAtUtc = input.StartsAtUtc;
        campaign.EndsAtUtc = input.EndsAtUtc;

        // An arm that stays keeps its id, so the lists it served and their feedback stay attributed to it.
        var kept = input.Arms.Where(a => a.Id != null).Select(a => a.Id!.Value).ToHashSet();
        foreach (var gone in campaign.Arms.Where(a => !kept.Contains(a.Id)).ToList())
        {
            campaign.Arms.Remove(gone);
            db.CampaignArms.Remove(gone);
        }

        for (var i = 0; i < input.Arms.Count; i++)
        {
            var given = input.Arms[i];
            var arm = given.Id is { } armId ? campaign.Arms.FirstOrDefault(a => a.Id == armId) : null;
            if (arm is null)
            {
                arm = new CampaignArm { Id = Guid.CreateVersion7(), CampaignId = campaign.Id, Name = string.Empty };
                campaign.Arms.Add(arm);
            }

            arm.Name = given.Name.Trim();
            arm.BlendId = given.BlendId;
            arm.SharePercent = given.SharePercent;
            arm.Position = i;
        }

        campaign.UpdatedAtUtc = now;
        campaign.ConcurrencyStamp = Guid.NewGuid();
    }

    private static void Move(Campaign campaign, CampaignState state, DateTime now)
    {
        campaign.State = state;
        campaign.UpdatedAtUtc = now;
        campaign.ConcurrencyStamp = Guid.NewGuid();
    }

    private async Task<Result> SaveStateAsync(IAppDbContext db, CallerContext caller, Campaign campaign, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure(StaleMessage(campaign.Name));
        }

        ApplyExportSchedule(caller.TenantId, campaign);
        return Result.Success;
    }

    /// <summary>An e-mail campaign that has not ended keeps its export schedule; any other has none.</summary>
    private void ApplyExportSchedule(Guid tenantId, Campaign campaign)
    {
        var cron = campaign.Channel == CampaignChannel.Email && campaign.State != CampaignState.Ended ? campaign.ExportCron : null;
        exportSchedules.Apply(tenantId, campaign.Id, cron);
    }

    /// <summary>The campaign's settings in readable words, for the audit log's before and after.</summary>
    private static async Task<string> DescribeAsync(IAppDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(db, cancellationToken);
        var arms = string.Join(", ", campaign.Arms.OrderBy(a => a.Position)
            .Select(a => $"{a.Name}: {BlendName(names.Blends, a.BlendId)} {a.SharePercent.ToString(CultureInfo.InvariantCulture)} %"));
        return AuditFields.Write(
            ("Name", campaign.Name),
            ("Goal", PlainWords.Of(campaign.Goal)),
            ("Channel", PlainWords.Of(campaign.Channel)),
            ("Segment", SegmentName(names.Segments, campaign)),
            ("Arms", arms),
            ("Rules", CampaignRulesText.Describe(CampaignRules.Parse(campaign.RulesJson))),
            ("List size", campaign.ListSize.ToString(CultureInfo.InvariantCulture)),
            ("Starts", UtcText.Format(campaign.StartsAtUtc)),
            ("Ends", UtcText.Format(campaign.EndsAtUtc, "when ended by hand")));
    }

    /// <summary>"arm A (blend “Default”, 50 %) and arm B (blend “Popular”, 50 %)", as the Started audit sentence reads.</summary>
    private static async Task<string> ArmsSentenceAsync(IAppDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(db, cancellationToken);
        var parts = campaign.Arms.OrderBy(a => a.Position)
            .Select(a => $"arm {a.Name} (blend “{BlendName(names.Blends, a.BlendId)}”, {a.SharePercent.ToString(CultureInfo.InvariantCulture)} %)").ToList();
        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
    }

    private static async Task<(Dictionary<Guid, string> Segments, Dictionary<Guid, string> Blends)> NamesAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
         await db.Blends.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken));

    private static CampaignView ToView(Campaign c, (Dictionary<Guid, string> Segments, Dictionary<Guid, string> Blends) names, DateTime now) => new(
        c.Id, c.Name, c.Goal, c.Channel, c.SegmentId, SegmentName(names.Segments, c), CampaignRules.Parse(c.RulesJson), c.ListSize, c.StartsAtUtc, c.EndsAtUtc,
        c.State, c.EffectiveState(now),
        [.. c.Arms.OrderBy(a => a.Position).Select(a => new CampaignArmView(a.Id, a.Name, a.BlendId, BlendName(names.Blends, a.BlendId), a.SharePercent))],
        c.ExportCron, c.UpdatedAtUtc, c.ConcurrencyStamp);

    /// <summary>A campaign leaves its draft only with a segment, so a later one without is one whose segment was deleted.</summary>
    private static string SegmentName(Dictionary<Guid, string> segmentNames, Campaign campaign) =>
        campaign.SegmentId is { } id && segmentNames.TryGetValue(id, out var name) ? name
        : campaign.State == CampaignState.Draft && campaign.SegmentId is null ? NoSegmentYet
        : SegmentDeleted;

    private static string BlendName(Dictionary<Guid, string> blendNames, Guid? blendId) =>
        blendId is { } id && blendNames.TryGetValue(id, out var name) ? name : BlendDeleted;

    private static string Label(string armName, int index) => armName.Length > 0 ? armName : (index + 1).ToString(CultureInfo.InvariantCulture);

    internal static string Names(string singular, string plural, IReadOnlyList<string> names) =>
        names.Count == 1 ? $"the {singular} “{names[0]}”"
        : $"the {plural} {string.Join(", ", names.Take(names.Count - 1).Select(n => $"“{n}”"))} and “{names[^1]}”";

    internal static string StateWord(CampaignState state) => state.ToString().ToLowerInvariant();

    private static string StaleMessage(string name) => $"“{name}” was changed by someone else since you opened it; reload it to see their change, then make yours again.";

    private static async Task<Campaign> LoadAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Campaigns.Include(c => c.Arms).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("That campaign does not exist.");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<CallerContext> ReaderAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);

    private Task<CallerContext> ManagerAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ManageBlendsAndCampaigns, cancellationToken);
}
