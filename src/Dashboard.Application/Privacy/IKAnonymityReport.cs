namespace Dashboard.Application.Privacy;

/// <summary>The k-anonymity figures of the caller's tenant, for the Privacy page and the privacy report.</summary>
public interface IKAnonymityReport
{
    Task<IReadOnlyList<KAnonymityFigures>> ComputeAsync(CancellationToken cancellationToken);
}
