namespace Dashboard.Domain.Privacy;

/// <summary>How a quasi-identifier is coarsened before k-anonymity is checked.</summary>
public enum GeneralisationKind
{
    /// <summary>Numbers into bands of a width (age 37 → 30–39); the parameter is the width.</summary>
    NumericBands,

    /// <summary>Text cut to its first characters (postal code 75011 → 75***); the parameter is how many are kept.</summary>
    Prefix,

    /// <summary>Values held by fewer end-users than the parameter become "other".</summary>
    RareValuesToOther,
}
