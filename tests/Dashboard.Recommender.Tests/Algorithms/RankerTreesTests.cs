using Dashboard.Recommender.Algorithms;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Recommender.Tests.Algorithms;

public class RankerTreesTests
{
    [Fact]
    public void Score_MatchesMlNetPredictionsForTheSameModel()
    {
        // 40 lists of 10 rows; relevance follows feature 0 plus noise, so LightGBM grows real splits.
        var random = new Random(9);
        var rows = new List<RankerFeatureRow>();
        for (var group = 0; group < 40; group++)
        {
            for (var r = 0; r < 10; r++)
            {
                float[] features = [(float)random.NextDouble(), (float)random.NextDouble(), random.Next(5)];
                var label = features[0] + (0.3 * random.NextDouble()) > 0.8 ? 1f : 0f;
                rows.Add(new RankerFeatureRow { Label = label, GroupId = (uint)group, Features = features });
            }
        }

        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(RankerFeatureRow));
        schema[nameof(RankerFeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var model = ml.Transforms.Conversion.MapValueToKey(nameof(RankerFeatureRow.GroupId))
            .Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                NumberOfLeaves = 4,
                NumberOfIterations = 20,
                MinimumExampleCountPerLeaf = 5,
                NumberOfThreads = 1,
                Deterministic = true,
            }))
            .Fit(data);
        var expected = model.Transform(data).GetColumn<float>("Score").ToArray();

        var trees = RankerTrees.From(model);

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i], trees.Score(rows[i].Features), 4);
        }

        Assert.True(expected.Distinct().Count() > 2, "the model should not be constant");
    }
}
