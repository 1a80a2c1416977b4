namespace Dashboard.Recommender.Privacy;

/// <summary>How one quasi-identifying attribute is coarsened before k-anonymity is checked.</summary>
public enum GeneralisationMethod
{
    /// <summary>Values kept as they are.</summary>
    None,

    /// <summary>Numbers into bands of a width (37 with width 10 → "30–39").</summary>
    NumericBands,

    /// <summary>Text cut to its first characters, the rest masked ("75011" keeping 3 → "750**").</summary>
    Prefix,

    /// <summary>Values held by fewer records than the parameter become "other".</summary>
    RareValuesToOther,
}
