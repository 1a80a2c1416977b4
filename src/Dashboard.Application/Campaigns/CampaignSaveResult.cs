using Dashboard.Application.Blends;

namespace Dashboard.Application.Campaigns;

/// <summary>The outcome of saving a campaign: its id, or the field messages that kept it from being saved.</summary>
public sealed record CampaignSaveResult(Guid Id, IReadOnlyList<FieldMessage> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static CampaignSaveResult Saved(Guid id) => new(id, []);

    public static CampaignSaveResult Refused(IReadOnlyList<FieldMessage> problems) => new(Guid.Empty, problems);
}
