using Dashboard.Application.Training;
using Dashboard.Recommender.Serving;

namespace Dashboard.Web.Tests.Components.Recommendations;

/// <summary>
/// An active-model cache whose every blend serves one model trained here on a tiny shop: end-users u1–u4
/// mostly view and buy books (a1–a4), u5–u8 games (b1–b4). Trained once; deterministic.
/// </summary>
internal sealed class TinyShopModels : IActiveModelCache
{
    private static readonly Lazy<BlendModel> Model = new(Train);

    public Task<ActiveModel?> GetAsync(Guid tenantId, string blendNameOrId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ActiveModel?>(new ActiveModel(Guid.Parse(blendNameOrId), "Tiny", Guid.Empty, 7, Model.Value));

    public void Refresh(Guid tenantId, Guid blendId)
    {
    }

    public void Replace(Guid tenantId, Guid versionId, BlendModel model)
    {
    }

    private static BlendModel Train()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var builder = new TrainingDataBuilder();
        string[][] histories =
        [
            ["a1", "a2", "a3", "b1"], ["a1", "a2", "a4", "a3"], ["a2", "a3", "a4", "a1"], ["a1", "a3", "a4", "a2"],
            ["b1", "b2", "b3", "a1"], ["b1", "b2", "b4", "b3"], ["b2", "b3", "b4", "b1"], ["b1", "b3", "b4", "b2"],
        ];
        for (var u = 0; u < histories.Length; u++)
        {
            for (var k = 0; k < histories[u].Length; k++)
            {
                builder.Add($"u{u + 1}", histories[u][k], k % 2 == 0 ? "view" : "purchase", 1, start.AddDays((u * 10) + k));
            }
        }

        foreach (var id in new[] { "a1", "a2", "a3", "a4" })
        {
            builder.AddItem(id, $"Book {id}", ["books"], []);
        }

        foreach (var id in new[] { "b1", "b2", "b3", "b4" })
        {
            builder.AddItem(id, $"Game {id}", ["games"], []);
        }

        var spec = BlendSpec.Default with
        {
            Components =
            [
                new ComponentSpec(ComponentKind.Ease, 0.6, new Dictionary<string, string> { ["lambda"] = "1" }),
                new ComponentSpec(ComponentKind.ImplicitAls, 0.4, new Dictionary<string, string> { ["factors"] = "4", ["regularization"] = "0.1" }),
            ],
            ListSize = 4,
        };
        return new BlendTrainer().Fit(builder.Build(), spec, null, CancellationToken.None);
    }
}
