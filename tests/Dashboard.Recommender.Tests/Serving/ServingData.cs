using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

/// <summary>
/// A tiny shop: books a1–a4 and games b1–b4. End-users u1–u4 mostly view and buy books, u5–u8 games;
/// every end-user has 4 events a day apart, so each time split holds out their latest one.
/// </summary>
internal static class ServingData
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static BlendSpec TinySpec { get; } = BlendSpec.Default with
    {
        Components =
        [
            new ComponentSpec(ComponentKind.Ease, 0.5, new Dictionary<string, string> { ["lambda"] = "1" }),
            new ComponentSpec(ComponentKind.ImplicitAls, 0.3, new Dictionary<string, string> { ["factors"] = "4", ["regularization"] = "0.1" }),
            new ComponentSpec(ComponentKind.ItemKnn, 0.2),
        ],
    };

    public static TrainingData Shop()
    {
        var builder = new TrainingDataBuilder();
        string[][] histories =
        [
            ["a1", "a2", "a3", "b1"],
            ["a1", "a2", "a4", "a3"],
            ["a2", "a3", "a4", "a1"],
            ["a1", "a3", "a4", "a2"],
            ["b1", "b2", "b3", "a1"],
            ["b1", "b2", "b4", "b3"],
            ["b2", "b3", "b4", "b1"],
            ["b1", "b3", "b4", "b2"],
        ];
        for (var u = 0; u < histories.Length; u++)
        {
            for (var k = 0; k < histories[u].Length; k++)
            {
                builder.Add($"u{u + 1}", histories[u][k], k % 2 == 0 ? "view" : "purchase", 1, Start.AddDays((u * 10) + k));
            }
        }

        foreach (var id in new[] { "a1", "a2", "a3", "a4" })
        {
            builder.AddItem(id, $"Book {id}", ["books"], ["paper"]);
        }

        foreach (var id in new[] { "b1", "b2", "b3", "b4" })
        {
            builder.AddItem(id, $"Game {id}", ["games"], ["console"]);
        }

        builder.AddItem("c1", "Gift card", ["cards"]);
        return builder.Build();
    }

    public static BlendModel Fit(BlendSpec? spec = null) =>
        new BlendTrainer().Fit(Shop(), spec ?? TinySpec, null, CancellationToken.None);
}
