namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="MultVae"/>. Defaults follow Liang et al. (2018) scaled down for two cores: one
/// hidden layer each way, a smaller hidden width than their 600, Adam at 1e-3, input dropout 0.5 and the
/// KL weight annealed linearly to <see cref="AnnealCap"/>.
/// </summary>
public sealed record MultVaeOptions
{
    /// <summary>Width of the encoder's and decoder's hidden tanh layer.</summary>
    public int Hidden { get; init; } = 200;

    /// <summary>Dimension of the latent code z.</summary>
    public int Latent { get; init; } = 64;

    public int Epochs { get; init; } = 50;

    /// <summary>Users per Adam step.</summary>
    public int BatchSize { get; init; } = 100;

    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>Probability of dropping each input interaction while training.</summary>
    public float Dropout { get; init; } = 0.5f;

    /// <summary>Largest weight β of the KL term; β grows linearly from 0 and reaches it after 80 % of the steps.</summary>
    public float AnnealCap { get; init; } = 0.2f;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Hidden < 1 || Latent < 1 || Epochs < 0 || BatchSize < 1 || !(LearningRate > 0) || !(Dropout >= 0 && Dropout < 1) || !(AnnealCap >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MultVaeOptions), "Mult-VAE options are out of range.");
        }
    }
}
