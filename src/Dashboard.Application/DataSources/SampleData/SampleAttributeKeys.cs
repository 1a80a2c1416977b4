namespace Dashboard.Application.DataSources.SampleData;

/// <summary>Keys of the end-user attributes <see cref="SampleDataGenerator"/> writes.</summary>
public static class SampleAttributeKeys
{
    /// <summary>Age band such as <c>25-34</c>; a quasi-identifier, not sensitive.</summary>
    public const string AgeBand = "age_band";

    /// <summary><c>female</c>, <c>male</c> or <c>non-binary</c>; sensitive.</summary>
    public const string Gender = "gender";

    /// <summary><c>North</c>, <c>South</c>, <c>East</c>, <c>West</c> or <c>Central</c>; sensitive and a quasi-identifier.</summary>
    public const string Region = "region";
}
