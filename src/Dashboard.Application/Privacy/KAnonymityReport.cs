using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>
/// The caller's tenant's k-anonymity after generalisation: all quasi-identifiers together first, then each alone
/// (when there are several), each with the l-diversity of every sensitive attribute. Needs ManagePrivacy.
/// </summary>
public sealed class KAnonymityReport(ICurrentUser currentUser, AnonymisedAttributeReader reader, TimeProvider time) : IKAnonymityReport
{
    public async Task<IReadOnlyList<KAnonymityFigures>> ComputeAsync(CancellationToken cancellationToken)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var data = await reader.ReadAsync(caller.TenantId, cancellationToken);
        if (data.QuasiIdentifiers.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var figures = new List<KAnonymityFigures> { Figures(data.QuasiIdentifiers, data.Together, data, now) };
        if (data.QuasiIdentifiers.Count > 1)
        {
            for (var q = 0; q < data.QuasiIdentifiers.Count; q++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var alone = KAnonymity.Evaluate([data.GeneralisedColumns[q]], data.K, data.SensitiveColumns);
                figures.Add(Figures([data.QuasiIdentifiers[q]], alone, data, now));
            }
        }

        return figures;
    }

    private static KAnonymityFigures Figures(IReadOnlyList<string> quasiIdentifiers, KAnonymityResult result, AnonymisedAttributes data, DateTime now) => new(
        quasiIdentifiers, result.K, result.KAchieved, result.ClassesKept, result.Records, result.Suppressed,
        data.SensitiveAttributes.Select((key, s) => (key, s)).ToDictionary(p => p.key, p => result.LDiversity[p.s], StringComparer.Ordinal),
        now);
}
