using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// The boosted trees of a fitted ML.NET tree model, flattened into arrays so that scoring a row is a
/// few array walks: no data view, no allocation, safe to call from many threads. Follows ML.NET's
/// regression-tree semantics: at an internal node go to the left child when feature ≤ threshold,
/// otherwise right; a negative child c is leaf ~c; score = bias + Σ weight_t · leaf value.
/// </summary>
internal sealed class RankerTrees
{
    private readonly int[] _treeStart;
    private readonly int[] _leafStart;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValue;
    private readonly double _bias;

    private RankerTrees(
        int[] treeStart, int[] leafStart, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValue, double bias)
    {
        _treeStart = treeStart;
        _leafStart = leafStart;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValue = leafValue;
        _bias = bias;
    }

    /// <summary>Finds the tree-ensemble predictor in a fitted or loaded transformer chain.</summary>
    public static RankerTrees From(ITransformer transformer)
    {
        var ensemble = Find(transformer)
            ?? throw new InvalidOperationException("The ranking model has no tree-ensemble predictor.");
        var treeStart = new List<int> { 0 };
        var leafStart = new List<int> { 0 };
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            for (var node = 0; node < tree.NumberOfNodes; node++)
            {
                if (tree.CategoricalSplitFlags[node])
                {
                    throw new NotSupportedException("Categorical splits are not used by the ranker's dense features.");
                }

                feature.Add(tree.NumericalSplitFeatureIndexes[node]);
                threshold.Add(tree.NumericalSplitThresholds[node]);
                left.Add(tree.LeftChild[node]);
                right.Add(tree.RightChild[node]);
            }

            for (var leaf = 0; leaf < tree.NumberOfLeaves; leaf++)
            {
                leaves.Add(weight * tree.LeafValues[leaf]);
            }

            treeStart.Add(feature.Count);
            leafStart.Add(leaves.Count);
        }

        return new RankerTrees([.. treeStart], [.. leafStart], [.. feature], [.. threshold], [.. left], [.. right], [.. leaves], ensemble.Bias);
    }

    public float Score(ReadOnlySpan<float> features)
    {
        var score = _bias;
        for (var t = 0; t < _treeStart.Length - 1; t++)
        {
            var offset = _treeStart[t];
            if (_treeStart[t + 1] == offset)
            {
                // A tree without splits is a single leaf.
                score += _leafValue[_leafStart[t]];
                continue;
            }

            var node = 0;
            while (node >= 0)
            {
                var k = offset + node;
                node = features[_feature[k]] <= _threshold[k] ? _left[k] : _right[k];
            }

            score += _leafValue[_leafStart[t] + ~node];
        }

        return (float)score;
    }

    private static RegressionTreeEnsemble? Find(ITransformer transformer)
    {
        if (transformer is IPredictionTransformer<TreeEnsembleModelParametersBasedOnRegressionTree> prediction)
        {
            return prediction.Model.TrainedTreeEnsemble;
        }

        if (transformer is IEnumerable<ITransformer> chain)
        {
            foreach (var inner in chain)
            {
                if (Find(inner) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
