using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Privacy;
using Dashboard.Application.Training;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Recommendations;

/// <summary>
/// What the Recommendations page reads: end-users found by the start of their id, their recent history, and a
/// blend's list for one of them from the active model (the same cached model the serving API uses), with its
/// explanations, and the events received since its training (as the serving API passes them, so the page and the
/// API give the same list). An end-user without Personalisation consent gets the popular items, as from the API.
/// Read-only; needs ViewDashboard.
/// <para>
/// When the organisation pseudonymises end-user ids, an id typed on the page is hashed like the serving API hashes
/// it, so typing the id the organisation knows finds the end-user; ids already in the pseudonym format (picked from
/// the suggestions) are used as they are.
/// </para>
/// </summary>
public sealed class RecommendationPreviewService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IActiveModelCache models, RecommendationServingService serving, IConsentGate consent,
    PseudonymKeyRing pseudonyms)
{
    public const int MaxSuggestions = 20;

    public const int HistoryShown = 20;

    /// <summary>
    /// End-user ids (as stored) that start with <paramref name="prefix"/> (case as stored), shortest first; the first
    /// few when the prefix is empty. With pseudonymisation on, the pseudonym of the whole typed id comes first when
    /// the organisation has that end-user.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindEndUsersAsync(string? prefix, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var text = prefix?.Trim() ?? string.Empty;
        var query = db.EndUsers.AsNoTracking();
        if (text.Length > 0)
        {
            query = query.Where(u => u.ExternalId.StartsWith(text));
        }

        var found = await query.OrderBy(u => u.ExternalId.Length).ThenBy(u => u.ExternalId).Select(u => u.ExternalId).Take(MaxSuggestions).ToListAsync(cancellationToken);
        var state = await pseudonyms.GetAsync(caller.TenantId, cancellationToken);
        if (!state.Enabled || text.Length == 0 || Recommender.Privacy.Pseudonym.IsPseudonym(text))
        {
            return found;
        }

        var stored = state.Stored(text);
        return await db.EndUsers.AnyAsync(u => u.ExternalId == stored, cancellationToken)
            ? [stored, .. found.Where(id => id != stored).Take(MaxSuggestions - 1)]
            : found;
    }

    /// <summary>The end-user's latest interactions, newest first; empty for an id the organisation does not have.</summary>
    public async Task<IReadOnlyList<PreviewHistoryItem>> HistoryAsync(string endUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        var caller = await ReaderAsync(cancellationToken);
        var stored = await StoredAsync(caller.TenantId, endUserId, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => i.EndUser!.ExternalId == stored)
            .OrderByDescending(i => i.OccurredAtUtc).ThenByDescending(i => i.Id)
            .Take(HistoryShown)
            .Select(i => new { i.Item!.ExternalId, i.Item.Title, i.Item.Category, i.Type, i.Value, i.OccurredAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PreviewHistoryItem(r.ExternalId, r.Title, r.Category, EventTypes.ToName(r.Type), r.Value, r.OccurredAtUtc))];
    }

    /// <summary>The blend's top <paramref name="count"/> for the end-user from its active version; an unknown blend is a <see cref="NotFoundException"/>.</summary>
    public async Task<PreviewList> RecommendAsync(Guid blendId, string endUserId, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        var caller = await ReaderAsync(cancellationToken);
        string blendName;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            blendName = await db.Blends.AsNoTracking().Where(b => b.Id == blendId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("That blend does not exist.");
        }

        var active = await models.GetAsync(caller.TenantId, blendId.ToString("D"), cancellationToken);
        if (active is null)
        {
            return new PreviewList(blendId, blendName, null, null);
        }

        var user = await StoredAsync(caller.TenantId, endUserId.Trim(), cancellationToken);
        var consented = await consent.AllowsAsync(caller.TenantId, ConsentPurpose.Personalisation, user, cancellationToken);
        var list = active.Model.Recommend(user, Math.Clamp(count, 1, Recommender.Serving.BlendSpec.MaxListSize), new Recommender.Serving.RecommendOptions
        {
            RecentEvents = consented ? await serving.RecentEventsAsync(caller.TenantId, active.VersionId, user, cancellationToken) : [],
            Personalise = consented,
        });
        return new PreviewList(blendId, blendName, active.VersionNumber, list);
    }

    /// <summary>The id the end-user is stored under: a pseudonym picked from the suggestions as it is, anything else hashed when the organisation pseudonymises.</summary>
    private async Task<string> StoredAsync(Guid tenantId, string endUserId, CancellationToken cancellationToken)
    {
        var state = await pseudonyms.GetAsync(tenantId, cancellationToken);
        return state.Enabled && !Recommender.Privacy.Pseudonym.IsPseudonym(endUserId) ? state.Stored(endUserId) : endUserId;
    }

    private Task<CallerContext> ReaderAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
}
