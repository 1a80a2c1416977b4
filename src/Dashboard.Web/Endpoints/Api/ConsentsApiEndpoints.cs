using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Privacy.ConsentsApi;
using Dashboard.Domain.DataSources;

namespace Dashboard.Web.Api;

/// <summary>
/// The consents API (<c>POST /api/v1/consents</c>, scope <c>consents:write</c>): end-users' consent decisions,
/// granted or withdrawn, in batches, with the events API's rate limit, body limit and per-organisation write queue.
/// </summary>
public static class ConsentsApiEndpoints
{
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapApiWriteGroup(ApiScopes.ConsentsWrite, "Consents API");

        group.MapPost("/consents", RecordAsync)
            .WithName("PostConsents")
            .WithSummary("Record end-users' consent decisions (grants and withdrawals)")
            .WithDescription("Each row names an end-user, a purpose (Personalisation, Analytics, Marketing messages, or one the organisation " +
                "added), a state (granted or withdrawn), when the end-user decided (occurred_at, required), and optionally the source, the " +
                "notice version and a proof reference. A withdrawal is the same call with state withdrawn, and is valid before any grant. " +
                "Records are kept (the history is never rewritten); the current state is the latest by occurred_at, whatever order the " +
                "records arrive in. A withdrawal of Personalisation applies to the next recommendations at once and to the next training. " +
                "Unknown end-users are created. All-or-nothing: any invalid row (e.g. a purpose the organisation does not have) means " +
                "nothing is written and the 400 response lists every problem.")
            .Accepts<ConsentsBatch>("application/json")
            .Produces<ConsentSummary>();
        return app;
    }

    private static async Task<IResult> RecordAsync(HttpContext http, ICurrentUser currentUser, ConsentIngestService ingest, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConsentsBatch>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var caller = await currentUser.GetAsync(cancellationToken);
        var outcome = await ingest.RecordAsync(caller.TenantId, body?.Consents, cancellationToken);
        return outcome.Summary is { } summary ? TypedResults.Ok(summary) : Refused(outcome.Problems, outcome.TooLarge);
    }

    private static IResult Refused(IReadOnlyList<IngestProblem> problems, bool tooLarge) =>
        Results.Problem(
            statusCode: tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            title: "The batch was not written",
            detail: tooLarge
                ? problems[0].Reason
                : string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s) found; nothing was written. Fix them and send the whole batch again."),
            extensions: new Dictionary<string, object?> { ["errors"] = problems });
}
