using Dashboard.Application.Privacy;
using Dashboard.Domain.Privacy;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>The generalisation rules editor's row for one quasi-identifier, as the person edits it before saving.</summary>
internal sealed class GeneralisationDraft(QuasiIdentifierRule rule)
{
    public QuasiIdentifierRule Rule { get; } = rule;

    public GeneralisationKind? Kind { get; set; } = rule.Kind;

    public int Parameter { get; set; } = rule.Parameter ?? DefaultParameter(rule.Kind);

    public string? Error { get; set; }

    public static int DefaultParameter(GeneralisationKind? kind) => kind switch
    {
        GeneralisationKind.NumericBands => 10,
        GeneralisationKind.Prefix => 3,
        _ => 5,
    };

    public static string ParameterLabel(GeneralisationKind? kind) => kind switch
    {
        GeneralisationKind.NumericBands => "Band width",
        GeneralisationKind.Prefix => "Characters kept",
        GeneralisationKind.RareValuesToOther => "Fewest holders",
        _ => "Parameter",
    };
}
