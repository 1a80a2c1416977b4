using System.Data.Common;
using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.Privacy.ConsentsApi;

/// <summary>
/// Writes batches of consent decisions from the consents API into one tenant's data (the tenant comes from the API
/// key). Every row is checked with <see cref="IngestionRules"/> first, so an invalid row (an unknown purpose, a
/// missing time) means nothing is written; a valid batch is appended through one session of the ingestion writer,
/// which creates end-users that are new. The consent gate is told once the batch is committed, so the next list
/// served follows a withdrawal at once.
/// </summary>
public sealed class ConsentIngestService(
    IIngestionWriter writer, ITenantDbContextFactory dbFactory, IConsentGate gate, IOptions<EventsApiOptions> options, IOptions<DataSourcesOptions> dataSources, TimeProvider time)
{
    public const string Channel = "consents API";

    public async Task<ConsentOutcome> RecordAsync(Guid tenantId, IReadOnlyList<ConsentInput?>? rows, CancellationToken cancellationToken = default)
    {
        var max = options.Value.MaxBatchSize;
        if (rows is null || rows.Count == 0)
        {
            return new ConsentOutcome(null, [new IngestProblem(0, "consents", rows is null ? "Send a JSON object with a \"consents\" array." : "The \"consents\" array is empty; nothing to write.")]);
        }

        if (rows.Count > max)
        {
            return new ConsentOutcome(null, [new IngestProblem(max, "consents",
                string.Create(CultureInfo.InvariantCulture, $"Too many rows: {rows.Count:N0}; send at most {max:N0} per request (split the batch)."))], TooLarge: true);
        }

        IReadOnlyList<string> purposes;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            purposes = await ConsentPurposes.NamesAsync(db, cancellationToken);
        }

        var accepted = dataSources.Value.AcceptedTimes(time.GetUtcNow().UtcDateTime);
        var problems = new List<IngestProblem>();
        var parsed = new List<(string User, IngestedConsent Consent)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                problems.Add(new IngestProblem(i, "", "The row is empty (null)."));
                continue;
            }

            var ok = Check(problems, i, "user_id", IngestionRules.Id(row.UserId, "end-user id", out var user));
            ok &= Check(problems, i, "purpose", IngestionRules.ConsentPurpose(row.Purpose, purposes, out var purpose));
            ok &= Check(problems, i, "state", IngestionRules.ConsentState(row.State, out var granted));
            DateTime at = default;
            ok &= Check(problems, i, "occurred_at", row.OccurredAt is null || row.OccurredAt.Value.ValueKind == System.Text.Json.JsonValueKind.Null
                ? "occurred_at is required: when the end-user gave or withdrew consent (ISO-8601 or Unix seconds)."
                : EventTimestampParser.TryParse(row.OccurredAt, accepted, out at, out var timeProblem) ? null : timeProblem);
            ok &= Check(problems, i, "source", IngestionRules.ConsentSource(row.Source, Channel, out var source));
            ok &= Check(problems, i, "notice_version", IngestionRules.ConsentText(row.NoticeVersion, ConsentRecord.NoticeVersionMaxLength, "notice version", out var notice));
            ok &= Check(problems, i, "proof_reference", IngestionRules.ConsentText(row.ProofReference, ConsentRecord.ProofReferenceMaxLength, "proof reference", out var proof));
            if (ok)
            {
                parsed.Add((user, new IngestedConsent(purpose, granted, at, source, notice, proof)));
            }
        }

        if (problems.Count > 0)
        {
            return new ConsentOutcome(null, problems);
        }

        try
        {
            return await WriteAsync(tenantId, parsed, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // Two requests naming the same new end-user at once: the loser's transaction rolled back; again, it finds the winner's row.
            return await WriteAsync(tenantId, parsed, cancellationToken);
        }
    }

    private async Task<ConsentOutcome> WriteAsync(Guid tenantId, List<(string User, IngestedConsent Consent)> rows, CancellationToken cancellationToken)
    {
        await using var session = await writer.BeginBatchAsync(tenantId, cancellationToken);
        foreach (var (user, consent) in rows)
        {
            var id = await session.UserIdAsync(user, cancellationToken);
            await session.AppendConsentAsync(id, consent, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        gate.ConsentAppended(tenantId);
        return new ConsentOutcome(new ConsentSummary(rows.Count, (int)session.UsersCreated, (int)session.ConsentsAppended), []);
    }

    private static bool Check(List<IngestProblem> problems, int index, string field, string? problem)
    {
        if (problem is null)
        {
            return true;
        }

        problems.Add(new IngestProblem(index, field, problem));
        return false;
    }
}
