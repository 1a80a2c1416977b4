using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.SampleData;

/// <summary>Shared generator calls so each test reads as the property it checks.</summary>
internal static class SampleDataSets
{
    public static readonly DateTime EndUtc = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<SampleDataSet> LargeSet = new(() => Generate(new SampleDataOptions
    {
        Users = 1_000,
        Items = 200,
        Interactions = 200_000,
        Seed = 11,
    }));

    /// <summary>Big enough for rates per group and category to be stable; generated once per test run.</summary>
    public static SampleDataSet Large => LargeSet.Value;

    public static SampleDataSet Generate(SampleDataOptions options) =>
        new SampleDataGenerator().Generate(options, EndUtc, CancellationToken.None);

    public static SampleDataSet Small(int seed = 42) => Generate(new SampleDataOptions
    {
        Users = 100,
        Items = 40,
        Interactions = 5_000,
        Seed = seed,
    });

    public static string AttributeOf(EndUser user, string key)
    {
        foreach (var attribute in user.Attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value;
            }
        }

        throw new InvalidOperationException($"User {user.ExternalId} has no '{key}' attribute.");
    }
}
