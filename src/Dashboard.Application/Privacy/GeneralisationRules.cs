using System.Globalization;
using Dashboard.Domain.Privacy;
using Dashboard.Recommender.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>Between the stored generalisation of an attribute and the engine's rule, and the rule in words.</summary>
public static class GeneralisationRules
{
    public const string AsIs = "values used as they are";

    public static GeneralisationRule ToEngine(GeneralisationKind kind, int parameter) => new(kind switch
    {
        GeneralisationKind.NumericBands => GeneralisationMethod.NumericBands,
        GeneralisationKind.Prefix => GeneralisationMethod.Prefix,
        GeneralisationKind.RareValuesToOther => GeneralisationMethod.RareValuesToOther,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown generalisation."),
    }, parameter);

    public static string Describe(GeneralisationKind kind, int parameter) => kind switch
    {
        GeneralisationKind.NumericBands => string.Create(CultureInfo.InvariantCulture,
            $"numbers in bands of {parameter} (37 → {(parameter >= 1 ? Generalisation.NumericBand("37", parameter) : "?")}); text that is not a number forms one class"),
        GeneralisationKind.Prefix => string.Create(CultureInfo.InvariantCulture,
            $"first {parameter} characters kept (75011 → {(parameter >= 0 ? Generalisation.Prefix("75011", parameter) : "?")})"),
        GeneralisationKind.RareValuesToOther => string.Create(CultureInfo.InvariantCulture, $"values held by fewer than {parameter} end-users become “other”"),
        _ => kind.ToString(),
    };
}
