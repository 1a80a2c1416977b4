using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

public class ContentBasedTests
{
    [Fact]
    public void Score_IsCosineBetweenProfileAndTfIdfVector()
    {
        // idf = ln((1+3)/(1+df)) + 1: drama (df 2) 1.28768, comedy and horror (df 1) 1.69315.
        // Item 1 = (1.287682, 1.693147) / 2.127175 → drama component 0.605349. The user consumed item 0
        // (pure drama), so the cosine with item 1 is 0.605349 and with item 2 (horror) 0.
        var metadata = new Dictionary<int, ItemMetadata>
        {
            [0] = new("", ["Drama"]),
            [1] = new("", ["Drama", "Comedy"]),
            [2] = new("", ["Horror"]),
        };
        var model = new ContentBased(metadata);
        model.Fit(TinyData.Build(1, 3, (0, 0, 1)), new ContentBasedOptions());
        var scores = new float[2];

        model.Score(0, [1, 2], scores);

        Assert.Equal(0.605349, scores[0], 0.00001);
        Assert.Equal(0f, scores[1]);
    }

    [Fact]
    public void Recommend_PrefersItemsSharingTitleWordsAndTags()
    {
        var metadata = new Dictionary<int, ItemMetadata>
        {
            [0] = new("Star Voyage", []) { Tags = ["space"] },
            [1] = new("Star Voyage II", []) { Tags = ["space"] },
            [2] = new("Garden Party", []) { Tags = ["comedy"] },
        };
        var model = new ContentBased(metadata);
        model.Fit(TinyData.Build(1, 3, (0, 0, 1)), new ContentBasedOptions());

        var top = model.Recommend(0, 1, item => item != 0);

        Assert.Equal(1, top[0].Item);
    }
}
