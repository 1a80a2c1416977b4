using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns.Segments;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns.Segments;

/// <summary>
/// Edits a segment's rules: groups combined by all/any, each a list of rule rows whose pickers offer the
/// organisation's attributes and values, categories and consent purposes. Every change is passed up and, after
/// <see cref="EstimateDelay"/> without another change, the size is asked of <see cref="SegmentService"/> (exact or
/// noised as the caller may see it) while a progress bar shows.
/// </summary>
public sealed partial class SegmentEditor : IDisposable
{
    private static readonly (SegmentRuleKind Kind, string Label)[] Kinds =
    [
        (SegmentRuleKind.Attribute, "Attribute"),
        (SegmentRuleKind.LastActive, "Last active"),
        (SegmentRuleKind.Purchases, "Purchases"),
        (SegmentRuleKind.CategoryBought, "Category bought"),
        (SegmentRuleKind.Consent, "Consent"),
    ];

    private readonly List<SegmentGroupForm> _groups = [];
    private SegmentMatch _match = SegmentMatch.All;
    private SegmentDefinition? _shown;
    private SegmentEstimate? _estimate;
    private bool _estimating;
    private CancellationTokenSource? _pending;

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    /// <summary>The rules to start from; the editor rebuilds its rows when a different definition is passed.</summary>
    [Parameter, EditorRequired]
    public SegmentDefinition Definition { get; set; } = SegmentDefinition.Everyone;

    [Parameter]
    public EventCallback<SegmentDefinition> DefinitionChanged { get; set; }

    [Parameter, EditorRequired]
    public SegmentVocabulary Vocabulary { get; set; } = new([], [], [], []);

    /// <summary>The service's messages from the last save; those at "Definition.Groups[g].Rules[r]…" show under their row.</summary>
    [Parameter]
    public IReadOnlyList<FieldMessage> Problems { get; set; } = [];

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>How long the rules must stay unchanged before their size is asked for.</summary>
    [Parameter]
    public TimeSpan EstimateDelay { get; set; } = TimeSpan.FromMilliseconds(600);

    private IEnumerable<string> OverallProblems => Problems.Where(p => p.Field == SegmentRulesCheck.Field).Select(p => p.Message);

    private string SensitiveNote => $"{string.Join(", ", Vocabulary.SensitiveKeys)} {(Vocabulary.SensitiveKeys.Count == 1 ? "is" : "are")} marked sensitive: " +
        "sensitive attributes group people in bias audits and may not choose who is targeted, so they are not offered.";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Definition, _shown))
        {
            return;
        }

        _shown = Definition;
        _match = Definition.Match;
        _groups.Clear();
        _groups.AddRange(Definition.Groups.Select(SegmentGroupForm.From));
        ScheduleEstimate();
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }

    private IEnumerable<string> ValuesOf(string? key) => Vocabulary.Attributes.FirstOrDefault(a => a.Key == key)?.Values ?? [];

    private string? ProblemAt(int group, int rule)
    {
        var prefix = $"{SegmentRulesCheck.Field}.Groups[{group}].Rules[{rule}].";
        var messages = Problems.Where(p => p.Field.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private Task SetMatchAsync(SegmentMatch match)
    {
        _match = match;
        return ChangedAsync();
    }

    private Task SetGroupMatchAsync(SegmentGroupForm group, SegmentMatch match)
    {
        group.Match = match;
        return ChangedAsync();
    }

    private Task SetKindAsync(SegmentRuleForm rule, SegmentRuleKind kind)
    {
        rule.ChangeKind(kind);
        return ChangedAsync();
    }

    private Task SetKeyAsync(SegmentRuleForm rule, string? key)
    {
        if (rule.Kind == SegmentRuleKind.Attribute && rule.Key != key)
        {
            // A value of one attribute means nothing for another.
            rule.Value = null;
        }

        rule.Key = key;
        return ChangedAsync();
    }

    private Task SetOperatorAsync(SegmentRuleForm rule, SegmentOperator op)
    {
        rule.Operator = op;
        return ChangedAsync();
    }

    private Task SetValueAsync(SegmentRuleForm rule, string? value)
    {
        rule.Value = value;
        return ChangedAsync();
    }

    private Task SetNumberAsync(SegmentRuleForm rule, int? number)
    {
        rule.Number = number;
        return ChangedAsync();
    }

    private Task AddGroupAsync()
    {
        var group = new SegmentGroupForm();
        group.Rules.Add(new SegmentRuleForm());
        _groups.Add(group);
        return ChangedAsync();
    }

    private Task RemoveGroupAsync(SegmentGroupForm group)
    {
        _groups.Remove(group);
        return ChangedAsync();
    }

    private Task AddRuleAsync(SegmentGroupForm group)
    {
        group.Rules.Add(new SegmentRuleForm());
        return ChangedAsync();
    }

    private Task RemoveRuleAsync(SegmentGroupForm group, SegmentRuleForm rule)
    {
        group.Rules.Remove(rule);
        if (group.Rules.Count == 0)
        {
            _groups.Remove(group);
        }

        return ChangedAsync();
    }

    private async Task ChangedAsync()
    {
        var definition = new SegmentDefinition(_match, [.. _groups.Select(g => g.ToGroup())]);
        _shown = definition;
        ScheduleEstimate();
        await DefinitionChanged.InvokeAsync(definition);
    }

    private void ScheduleEstimate()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        _ = EstimateAsync(_shown ?? Definition, _pending.Token);
    }

    private async Task EstimateAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(EstimateDelay, cancellationToken);
            _estimating = true;
            await InvokeAsync(StateHasChanged);
            var estimate = await Segments.EstimateAsync(definition, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            _estimate = estimate;
            _estimating = false;
            await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException)
        {
            // A newer change asked again; its answer replaces this one.
        }
    }
}
