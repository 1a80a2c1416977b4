using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Web.Components.Pages.Campaigns;

/// <summary>
/// The campaign editor's fields, turned into a <see cref="CampaignInput"/> on save; the service does every check.
/// Dates are picked as a day and a time of day, both in UTC.
/// </summary>
public sealed class CampaignForm
{
    public const int DefaultListSize = 10;

    public string Name { get; set; } = string.Empty;

    public CampaignGoal Goal { get; set; } = CampaignGoal.Clicks;

    public CampaignChannel Channel { get; set; } = CampaignChannel.Web;

    public Guid? SegmentId { get; set; }

    public int ListSize { get; set; } = DefaultListSize;

    public DateTime? StartDate { get; set; }

    public TimeSpan? StartTime { get; set; }

    public DateTime? EndDate { get; set; }

    public TimeSpan? EndTime { get; set; }

    public List<CampaignArmRow> Arms { get; } = [];

    public IReadOnlyCollection<string> IncludeCategories { get; set; } = [];

    public IReadOnlyCollection<string> ExcludeCategories { get; set; } = [];

    /// <summary>Item ids separated by commas.</summary>
    public string ExcludeItems { get; set; } = string.Empty;

    public List<CampaignPinRow> Pins { get; } = [];

    public List<CampaignBoostRow> Boosts { get; } = [];

    public int? MaxPerCategory { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsExperiment => Arms.Count > 1;

    /// <summary>A new campaign starting at the next full hour, for everyone in the first segment, served by the first blend.</summary>
    public static CampaignForm New(DateTime nowUtc, CampaignEditorChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var start = nowUtc.Date.AddHours(nowUtc.Hour + 1);
        var form = new CampaignForm { SegmentId = choices.Segments.Count > 0 ? choices.Segments[0].Id : null, StartDate = start.Date, StartTime = start.TimeOfDay };
        form.Arms.Add(new CampaignArmRow { Name = "A", BlendId = choices.Blends.Count > 0 ? choices.Blends[0].Id : null, SharePercent = 100 });
        return form;
    }

    public static CampaignForm From(CampaignView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var form = new CampaignForm
        {
            Name = view.Name, Goal = view.Goal, Channel = view.Channel, SegmentId = view.SegmentId, ListSize = view.ListSize,
            StartDate = view.StartsAtUtc.Date, StartTime = view.StartsAtUtc.TimeOfDay, EndDate = view.EndsAtUtc?.Date, EndTime = view.EndsAtUtc?.TimeOfDay,
            IncludeCategories = [.. view.Rules.IncludeCategories], ExcludeCategories = [.. view.Rules.ExcludeCategories],
            ExcludeItems = string.Join(", ", view.Rules.ExcludeItems), MaxPerCategory = view.Rules.MaxPerCategory, ConcurrencyStamp = view.ConcurrencyStamp,
        };
        form.Arms.AddRange(view.Arms.Select(a => new CampaignArmRow { Id = a.Id, Name = a.Name, BlendId = a.BlendId, SharePercent = a.SharePercent }));
        form.Pins.AddRange(view.Rules.PinnedItems.Select(p => new CampaignPinRow { ItemId = p.ItemId, Position = p.Position }));
        form.Boosts.AddRange(view.Rules.BoostedItems.Select(b => new CampaignBoostRow { ItemId = b.ItemId, Boost = b.Boost }));
        return form;
    }

    /// <summary>Turning the A/B test on adds a second arm on the same blend and splits 50/50; turning it off keeps the first arm for everyone.</summary>
    public void SetExperiment(bool on)
    {
        if (on && Arms.Count == 1)
        {
            Arms[0].SharePercent = 50;
            Arms.Add(new CampaignArmRow { Name = "B", BlendId = Arms[0].BlendId, SharePercent = 50 });
        }
        else if (!on && Arms.Count > 1)
        {
            Arms.RemoveRange(1, Arms.Count - 1);
            Arms[0].SharePercent = 100;
        }
    }

    /// <summary>Adds an arm named by the next free letter, with no share yet: the person decides how to split.</summary>
    public void AddArm()
    {
        var name = Enumerable.Range('A', 26).Select(c => ((char)c).ToString()).First(n => Arms.All(a => !string.Equals(a.Name, n, StringComparison.OrdinalIgnoreCase)));
        Arms.Add(new CampaignArmRow { Name = name, BlendId = Arms.Count > 0 ? Arms[0].BlendId : null });
    }

    public int ShareTotal => Arms.Sum(a => a.SharePercent);

    public CampaignInput ToInput() => new(
        Name, Goal, Channel, SegmentId,
        new CampaignRules
        {
            IncludeCategories = [.. IncludeCategories], ExcludeCategories = [.. ExcludeCategories],
            ExcludeItems = [.. ExcludeItems.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            PinnedItems = [.. Pins.Where(p => p.ItemId.Trim().Length > 0).Select(p => new PinnedItem(p.ItemId.Trim(), p.Position))],
            BoostedItems = [.. Boosts.Where(b => b.ItemId.Trim().Length > 0).Select(b => new BoostedItem(b.ItemId.Trim(), b.Boost))],
            MaxPerCategory = MaxPerCategory,
        },
        ListSize, At(StartDate, StartTime) ?? DateTime.MinValue, At(EndDate, EndTime),
        [.. Arms.Select(a => new CampaignArmInput(a.Name, a.BlendId, a.SharePercent, a.Id))], ConcurrencyStamp);

    private static DateTime? At(DateTime? day, TimeSpan? time) =>
        day is { } d ? DateTime.SpecifyKind(d.Date + (time ?? TimeSpan.Zero), DateTimeKind.Utc) : null;
}
