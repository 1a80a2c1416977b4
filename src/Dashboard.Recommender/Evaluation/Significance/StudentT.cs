namespace Dashboard.Recommender.Evaluation.Significance;

/// <summary>
/// Student's t distribution with ν degrees of freedom (ν may be fractional, as Welch's test gives):
/// P(|T| ≥ t) = I_{ν/(ν+t²)}(ν/2, 1/2), the regularised incomplete beta function.
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ t).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        var tail = TwoSidedP(t, degreesOfFreedom) / 2;
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>P(|T| ≥ |t|): the two-sided p-value of an observed t.</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        }

        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        return SpecialFunctions.RegularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + (t * t)), degreesOfFreedom / 2, 0.5);
    }
}
