using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Campaigns.Segments;

public sealed partial class SegmentsPage
{
    private IReadOnlyList<SegmentView> _segments = [];
    private SegmentVocabulary? _vocabulary;
    private IReadOnlyList<FieldMessage> _problems = [];
    private SegmentDraft? _editing;
    private bool _loading = true;
    private bool _canManage;

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canManage = (await CurrentUser.GetAsync()).Can(Policies.ManageBlendsAndCampaigns);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _segments = await Segments.ListAsync();
        _loading = false;
    }

    private async Task EnsureVocabularyAsync() => _vocabulary ??= await Segments.VocabularyAsync();

    private async Task New()
    {
        await EnsureVocabularyAsync();
        _problems = [];
        _editing = new SegmentDraft(null, string.Empty, string.Empty, null, SegmentDefinition.Everyone, Guid.Empty);
    }

    private async Task EditAsync(SegmentView segment)
    {
        await EnsureVocabularyAsync();
        _problems = [];
        _editing = new SegmentDraft(segment.Id, segment.Name, segment.Name, segment.Description, segment.Definition, segment.ConcurrencyStamp);
    }

    private void Cancel()
    {
        _editing = null;
        _problems = [];
    }

    private string? ProblemOf(string field)
    {
        var messages = _problems.Where(p => p.Field == field).Select(p => p.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private async Task SaveAsync()
    {
        if (_editing is null)
        {
            return;
        }

        var input = new SegmentInput(_editing.Name, _editing.Description, _editing.Definition, _editing.ConcurrencyStamp);
        var result = _editing.Id is { } id ? await Segments.UpdateAsync(id, input) : await Segments.CreateAsync(input);
        if (!result.Succeeded)
        {
            _problems = result.Problems;
            return;
        }

        Snackbar.Add($"“{_editing.Name?.Trim()}” saved.", Severity.Success);
        _editing = null;
        _problems = [];
        await LoadAsync();
    }

    private async Task DeleteAsync(SegmentView segment)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete segment", DeleteWarning(segment), yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var deleted = await Segments.DeleteAsync(segment.Id);
        Snackbar.Add(deleted.Message, deleted.CampaignsWithoutAudience.Count == 0 ? Severity.Success : Severity.Warning);
        await LoadAsync();
    }

    /// <summary>What deleting takes away, said before it happens: the campaigns that would be left without an audience.</summary>
    internal static string DeleteWarning(SegmentView segment) => segment.Campaigns.Count switch
    {
        0 => $"Delete “{segment.Name}”? No campaign uses it. This cannot be undone.",
        1 => $"Delete “{segment.Name}”? The campaign “{segment.Campaigns[0].Name}” ({Lower(segment.Campaigns[0])}) loses its audience and cannot start until it is given another segment. This cannot be undone.",
        _ => $"Delete “{segment.Name}”? The campaigns {string.Join(", ", segment.Campaigns.Take(segment.Campaigns.Count - 1).Select(c => $"“{c.Name}” ({Lower(c)})"))} and " +
             $"“{segment.Campaigns[^1].Name}” ({Lower(segment.Campaigns[^1])}) lose their audience and cannot start until they are given another segment. This cannot be undone.",
    };

    private static string Lower(SegmentCampaign campaign) => PlainWords.Of(campaign.State).ToLowerInvariant();

    /// <summary>The segment being added (no id) or changed, as the form holds it.</summary>
    private sealed class SegmentDraft(Guid? id, string originalName, string? name, string? description, SegmentDefinition definition, Guid concurrencyStamp)
    {
        public Guid? Id { get; } = id;

        public string OriginalName { get; } = originalName;

        public string? Name { get; set; } = name;

        public string? Description { get; set; } = description;

        public SegmentDefinition Definition { get; set; } = definition;

        public Guid ConcurrencyStamp { get; } = concurrencyStamp;
    }
}
