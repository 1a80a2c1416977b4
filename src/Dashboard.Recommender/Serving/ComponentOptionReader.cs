using System.Globalization;

namespace Dashboard.Recommender.Serving;

/// <summary>Reads a component's options by name, taking the catalogue default for a missing one.</summary>
internal sealed class ComponentOptionReader(ComponentSpec spec)
{
    private readonly ComponentDescriptor _descriptor = ComponentCatalog.Describe(spec.Kind);

    public int Integer(string name) => (int)Number(name);

    public double Number(string name)
    {
        var option = Option(name);
        var text = Text(option);
        return ComponentCatalog.TryReadNumber(option, text, out var value, out var problem)
            ? value
            : throw new ArgumentException(problem, nameof(name));
    }

    public bool Boolean(string name) =>
        bool.TryParse(Text(Option(name)), out var value) ? value : throw new ArgumentException($"{name} must be true or false.", nameof(name));

    public string Choice(string name) => Text(Option(name)).ToLowerInvariant();

    private OptionDescriptor Option(string name) =>
        _descriptor.Option(name) ?? throw new ArgumentException($"{_descriptor.DisplayName} has no option \"{name}\".", nameof(name));

    private string Text(OptionDescriptor option) =>
        spec.Options.TryGetValue(option.Name, out var text) ? text.Trim() : option.Default;

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
