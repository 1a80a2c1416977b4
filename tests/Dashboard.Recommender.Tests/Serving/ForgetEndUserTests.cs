using System.Text;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public sealed class ForgetEndUserTests
{
    private static readonly BlendSpec EveryUserSideKind = BlendSpec.Default with
    {
        Components =
        [
            new ComponentSpec(ComponentKind.Ease, 0.3, new Dictionary<string, string> { ["lambda"] = "1" }),
            new ComponentSpec(ComponentKind.ImplicitAls, 0.3, new Dictionary<string, string> { ["factors"] = "4", ["regularization"] = "0.1" }),
            new ComponentSpec(ComponentKind.UserKnn, 0.2),
            new ComponentSpec(ComponentKind.ContentBased, 0.2),
        ],
    };

    [Fact]
    public void WithoutEndUsers_TheErasedEndUserGetsTheFallbackAndOthersStayPersonalised()
    {
        var model = ServingData.Fit(EveryUserSideKind);

        var forgotten = model.WithoutEndUsers(["u1"]);

        Assert.Equal((false, false, true, true),
            (forgotten.KnowsEndUser("u1"), forgotten.Recommend("u1", 3).Personalised, forgotten.KnowsEndUser("u2"), forgotten.Recommend("u2", 3).Personalised));
    }

    [Fact]
    public void WithoutEndUsers_LeavesTheModelItWasCalledOnUnchanged()
    {
        var model = ServingData.Fit(EveryUserSideKind);
        var before = model.Recommend("u1", 3).Items.Select(i => (i.ItemId, i.Score)).ToList();

        _ = model.WithoutEndUsers(["u1"]);

        Assert.True(model.KnowsEndUser("u1"));
        Assert.Equal(before, model.Recommend("u1", 3).Items.Select(i => (i.ItemId, i.Score)).ToList());
    }

    [Fact]
    public void WithoutEndUsers_SavedModelHoldsNoTraceOfTheId()
    {
        var model = ServingData.Fit(EveryUserSideKind);
        using var original = new MemoryStream();
        model.Save(original);
        Assert.True(Contains(original.ToArray(), "u1"));

        using var saved = new MemoryStream();
        model.WithoutEndUsers(["u1"]).Save(saved);

        saved.Position = 0;
        var reloaded = BlendModel.Load(saved);
        Assert.Equal((false, false, true), (Contains(saved.ToArray(), "u1"), reloaded.HoldsEndUser("u1"), reloaded.KnowsEndUser("u2")));
    }

    [Fact]
    public void LoadWithoutEndUsers_ReadsTheModelWithoutThem_OrNullWhenItHoldsNone()
    {
        using var saved = new MemoryStream();
        ServingData.Fit(EveryUserSideKind).Save(saved);

        saved.Position = 0;
        var forgotten = BlendModel.LoadWithoutEndUsers(saved, ["u1"]);
        saved.Position = 0;
        var untouched = BlendModel.LoadWithoutEndUsers(saved, ["nobody"]);

        Assert.Equal((false, false, true, true), (forgotten!.HoldsEndUser("u1"), forgotten.Recommend("u1", 3).Personalised, forgotten.KnowsEndUser("u2"), untouched is null));
    }

    [Fact]
    public void WithoutEndUsers_ForAnIdTheModelDoesNotHold_ReturnsTheSameModel()
    {
        var model = ServingData.Fit();

        Assert.Same(model, model.WithoutEndUsers(["nobody"]));
    }

    [Fact]
    public void WithoutEndUsers_CountsOnlyTheEndUsersLeft()
    {
        var model = ServingData.Fit();

        Assert.Equal(model.EndUserCount - 2, model.WithoutEndUsers(["u1", "u5"]).EndUserCount);
    }

    [Fact]
    public void ForgetUser_ClearsTheFactorsOfImplicitAls()
    {
        var data = InteractionMatrix.Build([new Rating(0, 0, 1), new Rating(0, 1, 1), new Rating(1, 1, 1), new Rating(1, 2, 1)], 2, 3);
        var als = new ImplicitAls();
        als.Fit(data, new ImplicitAlsOptions { Factors = 2 });

        ((IForgetsUsers)als).ForgetUser(0);

        var scores = new float[3];
        als.Score(0, [0, 1, 2], scores);
        Assert.Equal([0f, 0f, 0f], scores);
    }

    [Fact]
    public void ForgetUser_EmptiesTheRowEaseScoresFrom()
    {
        var data = InteractionMatrix.Build([new Rating(0, 0, 1), new Rating(0, 1, 1), new Rating(1, 1, 1), new Rating(1, 2, 1)], 2, 3);
        var ease = new Ease();
        ease.Fit(data, new EaseOptions { Lambda = 1 });
        var before = new float[3];
        ease.Score(1, [0, 1, 2], before);

        ((IForgetsUsers)ease).ForgetUser(0);

        var forgotten = new float[3];
        var other = new float[3];
        ease.Score(0, [0, 1, 2], forgotten);
        ease.Score(1, [0, 1, 2], other);
        Assert.Equal([0f, 0f, 0f], forgotten);
        Assert.Equal(before, other);
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
