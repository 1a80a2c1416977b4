namespace Dashboard.Domain.Campaigns;

/// <summary>Where a campaign's lists are shown. Stored as text.</summary>
public enum CampaignChannel
{
    /// <summary>A website fetches lists from the serving API with <c>campaign=</c>.</summary>
    Web,

    /// <summary>A mobile app fetches lists from the serving API with <c>campaign=</c>.</summary>
    App,

    /// <summary>An export job writes the whole segment's lists to CSV for a mailing tool.</summary>
    Email,
}
