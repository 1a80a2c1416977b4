namespace Dashboard.Recommender.Privacy;

/// <summary>Uniform draws for the noise mechanisms: cryptographic in production, seeded in tests.</summary>
public interface IRandomSource
{
    /// <summary>A uniform draw from [0, 1).</summary>
    double NextDouble();
}
