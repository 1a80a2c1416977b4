using Dashboard.Application.Training;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// The one way a campaign's list for one end-user is made, from an arm's model and the campaign's rules: the
/// serving API, the campaign preview, the e-mail export and the demo all call it, so what a marketer previews is
/// what is served and exported.
/// </summary>
public static class CampaignLists
{
    /// <param name="storedEndUserId">The end-user's id as stored (the pseudonym when the organisation pseudonymises).</param>
    /// <param name="personalise">False when the end-user has not consented to personalisation: the popular items, still under the campaign's rules.</param>
    /// <param name="recent">The end-user's events since the version was trained (ignored when not personalised).</param>
    /// <param name="explain">True to name the history items behind each score (the preview); the API and exports turn it off.</param>
    public static RecommendationList For(
        ActiveModel model, CampaignRules rules, string storedEndUserId, int count, bool personalise, IReadOnlyList<RecentEvent> recent, bool explain)
    {
        ArgumentNullException.ThrowIfNull(model);
        return For(model.Model, rules, storedEndUserId, count, personalise, recent, explain);
    }

    /// <inheritdoc cref="For(ActiveModel, CampaignRules, string, int, bool, IReadOnlyList{RecentEvent}, bool)"/>
    public static RecommendationList For(
        BlendModel model, CampaignRules rules, string storedEndUserId, int count, bool personalise, IReadOnlyList<RecentEvent> recent, bool explain)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(recent);
        return model.Recommend(storedEndUserId, count, new RecommendOptions
        {
            ExcludeCategories = rules.ExcludeCategories,
            RecentEvents = personalise ? recent : [],
            ExplainByHistory = explain,
            Personalise = personalise,
            Rules = ToListRules(rules),
        });
    }

    /// <summary>The engine's form of the campaign's rules (categories to exclude travel separately, as for every list).</summary>
    public static ListRules ToListRules(CampaignRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new ListRules
        {
            IncludeCategories = rules.IncludeCategories,
            ExcludeItems = rules.ExcludeItems,
            Boosts = [.. rules.BoostedItems.Select(b => new ListBoost(b.ItemId, b.Boost))],
            Pins = [.. rules.PinnedItems.Select(p => new ListPin(p.ItemId, p.Position))],
            MaxPerCategory = rules.MaxPerCategory,
        };
    }
}
