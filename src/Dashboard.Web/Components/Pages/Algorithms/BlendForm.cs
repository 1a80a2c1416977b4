using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Application.Blends;
using Dashboard.Domain.Blends;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Serving;

namespace Dashboard.Web.Components.Pages.Algorithms;

/// <summary>
/// The blend editor's fields: every component of the catalogue with a weight (0 leaves it out of the blend)
/// and its options as text, the interaction weights, re-ranking, list size and schedule. It turns itself into
/// the service's <see cref="BlendInput"/> and files the service's field messages under the fields that show them.
/// </summary>
public sealed partial class BlendForm
{
    /// <summary>The key of a message for the form as a whole (or for a field the editor has no place for).</summary>
    public const string Whole = "";

    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
    private IReadOnlyList<ComponentKind> _savedOrder = [];

    private BlendForm(BlendView view)
    {
        Name = view.Name;
        var spec = view.Spec;
        Components = [.. ComponentCatalog.All.Select(d =>
        {
            var saved = spec.Components.FirstOrDefault(c => c.Kind == d.Kind);
            var options = d.Options.ToDictionary(o => o.Name, o => saved?.Options.GetValueOrDefault(o.Name) ?? o.Default, StringComparer.Ordinal);
            return new ComponentRow(d, saved?.Weight ?? 0, options);
        })];
        EventWeights = [.. spec.EventWeights.OrderBy(w => EventOrder(w.Key)).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => new EventWeightRow(w.Key, w.Value))];
        Normalization = spec.Normalization;
        ExcludeSeen = spec.Rerank.ExcludeSeen;
        MmrLambda = spec.Rerank.MmrLambda;
        MaxPerCategory = spec.Rerank.MaxPerCategory;
        LongTailBoost = spec.Rerank.LongTailBoost;
        ListSize = spec.ListSize;
        PopularityFallback = spec.PopularityFallback;
        Schedule = view.Schedule;
        CronExpression = view.CronExpression;
        AutoActivate = view.AutoActivate;
        AutoActivateMargin = view.AutoActivateMargin;
        KeepVersions = view.KeepVersions;
        ConcurrencyStamp = view.ConcurrencyStamp;
    }

    public string Name { get; set; }

    public IReadOnlyList<ComponentRow> Components { get; }

    public IReadOnlyList<EventWeightRow> EventWeights { get; }

    public ScoreNormalization Normalization { get; set; }

    public bool ExcludeSeen { get; set; }

    public double MmrLambda { get; set; }

    public int? MaxPerCategory { get; set; }

    public double LongTailBoost { get; set; }

    public int ListSize { get; set; }

    public bool PopularityFallback { get; set; }

    public TrainingSchedule Schedule { get; set; }

    public string? CronExpression { get; set; }

    public bool AutoActivate { get; set; }

    public double AutoActivateMargin { get; set; }

    public int KeepVersions { get; set; }

    public Guid ConcurrencyStamp { get; }

    public static BlendForm From(BlendView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new BlendForm(view);
    }

    /// <summary>What Save sends: the components with a weight above zero, in catalogue order; options equal to their default are left out.</summary>
    public BlendInput ToInput()
    {
        var included = Components.Where(c => c.Weight > 0).ToList();
        _savedOrder = [.. included.Select(c => c.Descriptor.Kind)];
        var spec = new BlendSpec
        {
            Components = [.. included.Select(c => new ComponentSpec(
                c.Descriptor.Kind,
                c.Weight,
                c.Descriptor.Options
                    .Where(o => !string.Equals((c.Options[o.Name] ?? string.Empty).Trim(), o.Default, StringComparison.Ordinal))
                    .ToDictionary(o => o.Name, o => (c.Options[o.Name] ?? string.Empty).Trim(), StringComparer.Ordinal)))],
            EventWeights = EventWeights.ToDictionary(w => w.Name, w => w.Weight, StringComparer.Ordinal),
            Normalization = Normalization,
            Rerank = new RerankSpec { ExcludeSeen = ExcludeSeen, MmrLambda = MmrLambda, MaxPerCategory = MaxPerCategory, LongTailBoost = LongTailBoost },
            ListSize = ListSize,
            PopularityFallback = PopularityFallback,
        };
        return new BlendInput(Name, spec, Schedule, Schedule == TrainingSchedule.Cron ? CronExpression : null, AutoActivate, AutoActivateMargin, KeepVersions, ConcurrencyStamp);
    }

    /// <summary>Files the service's messages: "Spec.Components[1].Options.neighbors" becomes the field of that component's option.</summary>
    public void ShowProblems(IReadOnlyList<FieldMessage> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        _messages.Clear();
        foreach (var problem in problems)
        {
            var key = KeyOf(problem.Field);
            _messages[key] = _messages.TryGetValue(key, out var earlier) ? $"{earlier} {problem.Message}" : problem.Message;
        }
    }

    public void ClearProblems() => _messages.Clear();

    public bool HasProblems => _messages.Count > 0;

    /// <summary>The message for a field key (see the *Key methods), or null.</summary>
    public string? Message(string key) => _messages.GetValueOrDefault(key);

    /// <summary>Messages no field shows: the form's own, and any for a field the editor does not have.</summary>
    public IEnumerable<string> Unplaced(IReadOnlySet<string> placed) =>
        _messages.Where(m => !placed.Contains(m.Key)).Select(m => m.Value);

    public static string ComponentKey(ComponentKind kind, string part) => $"Spec.Components.{kind}.{part}";

    public static string EventWeightKey(string name) => $"Spec.EventWeights.{name}";

    /// <summary>Every key a field of the editor shows, for <see cref="Unplaced"/>.</summary>
    public IReadOnlySet<string> PlacedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            nameof(BlendInput.Name), "Spec.Components", "Spec.EventWeights", "Spec.Normalization", "Spec.Rerank.MmrLambda", "Spec.Rerank.MaxPerCategory",
            "Spec.Rerank.LongTailBoost", "Spec.ListSize", nameof(BlendInput.Schedule), nameof(BlendInput.CronExpression), nameof(BlendInput.AutoActivateMargin),
            nameof(BlendInput.KeepVersions),
        };
        foreach (var row in Components)
        {
            keys.Add(ComponentKey(row.Descriptor.Kind, "Kind"));
            keys.Add(ComponentKey(row.Descriptor.Kind, "Weight"));
            foreach (var option in row.Descriptor.Options)
            {
                keys.Add(ComponentKey(row.Descriptor.Kind, "Options." + option.Name));
            }
        }

        foreach (var weight in EventWeights)
        {
            keys.Add(EventWeightKey(weight.Name));
        }

        return keys;
    }

    public static string EventLabel(string name) => name switch
    {
        "view" => "View",
        "click" => "Click",
        "add_to_cart" => "Add to cart",
        "purchase" => "Purchase",
        "rating" => "Rating",
        _ => name,
    };

    private string KeyOf(string field)
    {
        var match = ComponentIndex().Match(field);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < _savedOrder.Count)
        {
            return ComponentKey(_savedOrder[index], match.Groups[2].Value);
        }

        return field;
    }

    private static int EventOrder(string name) => name switch
    {
        "view" => 0,
        "click" => 1,
        "add_to_cart" => 2,
        "purchase" => 3,
        "rating" => 4,
        _ => 5,
    };

    [GeneratedRegex(@"^Spec\.Components\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentIndex();

    /// <summary>One component of the catalogue: its weight in the blend (0 = not in it) and its options as text.</summary>
    public sealed class ComponentRow(ComponentDescriptor descriptor, double weight, Dictionary<string, string> options)
    {
        public ComponentDescriptor Descriptor { get; } = descriptor;

        public double Weight { get; set; } = weight;

        public Dictionary<string, string> Options { get; } = options;
    }

    /// <summary>One interaction type and how much it counts (0 = not at all).</summary>
    public sealed class EventWeightRow(string name, double weight)
    {
        public string Name { get; } = name;

        public double Weight { get; set; } = weight;
    }
}
