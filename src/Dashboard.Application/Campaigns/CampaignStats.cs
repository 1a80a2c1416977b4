namespace Dashboard.Application.Campaigns;

/// <summary>
/// The statistics of an A/B campaign's rates (each impression a trial, a click or conversion a success): the
/// normal distribution, the 95 % Wilson score interval of a rate, the pooled two-proportion z-test, and the
/// number of impressions per arm a fixed-horizon test needs. Pure functions; known answers in the tests.
/// </summary>
public static class CampaignStats
{
    /// <summary>z for a two-sided 95 % interval: Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Φ(x), the standard normal distribution function, from erfc with a relative error below 1.2e-7 in both tails.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1, by bisection on <see cref="NormalCdf"/>: only a handful of fixed quantiles are needed per page, so exactness beats speed.</summary>
    public static double NormalQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile needs a probability strictly between 0 and 1.");
        }

        double low = -40, high = 40;
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            if (NormalCdf(mid) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> in <paramref name="trials"/> at z: unlike the
    /// normal approximation p ± z·√(p(1−p)/n) it stays inside 0..1 and is not zero-wide at 0 or n successes,
    /// which matters for a new arm's first few impressions.
    /// </summary>
    public static (double Lower, double Upper) Wilson(long successes, long trials, double z = Z95)
    {
        CheckCounts(successes, trials);
        if (trials == 0)
        {
            return (0, 1);
        }

        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The pooled two-proportion z-test of rate B against rate A: z = (p̂B − p̂A) / √(p̂(1−p̂)(1/nA + 1/nB)) with p̂ the
    /// pooled rate, and the two-sided p-value 2(1 − Φ(|z|)). No difference to test (pooled rate 0 or 1) gives z 0 and p 1.
    /// </summary>
    public static (double Z, double PValue) TwoProportionZTest(long successesA, long trialsA, long successesB, long trialsB)
    {
        CheckCounts(successesA, trialsA);
        CheckCounts(successesB, trialsB);
        if (trialsA == 0 || trialsB == 0)
        {
            throw new ArgumentException("Both groups need at least one trial.");
        }

        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var variance = pooled * (1 - pooled) * ((1.0 / trialsA) + (1.0 / trialsB));
        if (variance <= 0)
        {
            return (0, 1);
        }

        var z = (((double)successesB / trialsB) - ((double)successesA / trialsA)) / Math.Sqrt(variance);
        return (z, Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2))));
    }

    /// <summary>
    /// Impressions each arm needs before the z-test may be read (Fleiss' formula without continuity correction):
    /// n = (z₁₋α′/₂ √(2p̄(1−p̄)) + z₁₋β √(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)², with p₂ = p₁(1 + lift), p̄ their mean,
    /// and α′ = α / comparisons (Bonferroni), rounded up.
    /// </summary>
    public static long MinimumSampleSize(double baselineRate, double relativeLift, double alpha, double power, int comparisons)
    {
        if (!(baselineRate > 0 && baselineRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineRate), baselineRate, "The baseline rate must lie strictly between 0 and 1.");
        }

        var p2 = baselineRate * (1 + relativeLift);
        if (!(relativeLift > 0 && p2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeLift), relativeLift, "The lifted rate must be above the baseline and below 1.");
        }

        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1) || comparisons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "α and power lie strictly between 0 and 1, and there is at least one comparison.");
        }

        var p1 = baselineRate;
        var mean = (p1 + p2) / 2;
        var zAlpha = NormalQuantile(1 - (alpha / (2 * comparisons)));
        var zBeta = NormalQuantile(power);
        var root = (zAlpha * Math.Sqrt(2 * mean * (1 - mean))) + (zBeta * Math.Sqrt((p1 * (1 - p1)) + (p2 * (1 - p2))));
        return (long)Math.Ceiling(root * root / ((p2 - p1) * (p2 - p1)));
    }

    /// <summary>erfc(x) by the Chebyshev fit of Numerical Recipes (2nd ed., §6.2, erfcc): relative error below 1.2e-7 everywhere.</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806 + (t * (0.27886807
            + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var value = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? value : 2 - value;
    }

    private static void CheckCounts(long successes, long trials)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes in {trials} trials is not a rate.");
        }
    }
}
