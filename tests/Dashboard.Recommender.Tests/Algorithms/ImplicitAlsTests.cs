using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

public class ImplicitAlsTests
{
    [Fact]
    public void Recommend_RanksTheHeldOutCoOccurringItemFirst()
    {
        // Two communities: users 0–9 consume items 0–4, users 10–19 items 5–9. User 0 lacks item 3;
        // the other nine users of its community all have it, so it must top user 0's list.
        var ratings = new List<Rating>();
        for (var u = 0; u < 20; u++)
        {
            var first = u < 10 ? 0 : 5;
            for (var i = first; i < first + 5; i++)
            {
                if (!(u == 0 && i == 3))
                {
                    ratings.Add(new Rating(u, i, 1));
                }
            }
        }

        var train = InteractionMatrix.Build([.. ratings], 20, 10);
        var model = new ImplicitAls();
        model.Fit(train, new ImplicitAlsOptions { Factors = 4, Regularization = 0.1f, Alpha = 5 });

        var top = model.Recommend(0, 1, item => !train.Contains(0, item));

        Assert.Equal(3, top[0].Item);
    }
}
