using System.Numerics;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Helpers the factor models share for their row-major factor matrices: padded row lengths, normal starting
/// values from a seeded generator, and the training range predictions are clamped to.
/// </summary>
internal static class FactorRows
{
    /// <summary>The length of a row of <paramref name="factors"/> floats padded to whole SIMD vectors.</summary>
    public static int PaddedLength(int factors) =>
        (factors + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>Rows × stride floats, the first <paramref name="factors"/> of each row normal with the given deviation, the rest zero.</summary>
    public static float[] NormalFactors(int rows, int factors, int stride, float stdDev, Random random)
    {
        var result = new float[rows * stride];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < factors; f++)
            {
                result[(r * stride) + f] = (float)(stdDev * NormalDraw.Next(random));
            }
        }

        return result;
    }

    /// <summary>The [min, max] of the training values, for clamping predictions; unbounded when there are none.</summary>
    public static (float Min, float Max) Range(float[] values)
    {
        if (values.Length == 0)
        {
            return (float.NegativeInfinity, float.PositiveInfinity);
        }

        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }
}
