using Dashboard.Application.Privacy;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>Answers with the figures it was given, so the report can be tested without the anonymity engine.</summary>
internal sealed class FakeKAnonymityReport(params KAnonymityFigures[] figures) : IKAnonymityReport
{
    public Task<IReadOnlyList<KAnonymityFigures>> ComputeAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<KAnonymityFigures>>(figures);
}
