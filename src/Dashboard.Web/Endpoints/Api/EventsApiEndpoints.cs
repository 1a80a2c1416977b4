using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Recommendations.Feedback;
using Dashboard.Domain.DataSources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Dashboard.Web.Api;

/// <summary>
/// The events API (<c>/api/v1</c>, scope <c>events:write</c>): authentication by API key, a per-key rate
/// limit, the three batch endpoints, and the OpenAPI description with a browsable reference page.
/// </summary>
public static class EventsApiEndpoints
{
    public const string PolicyName = "EventsApi";

    public static IHostApplicationBuilder AddEventsApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder().AddApiScopePolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiScopeForbiddenHandler>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            options.AddPolicy(PolicyName, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<EventsApiOptions>>().Value.PermitsPerMinute;
                return PerKey(http, permits);
            });
            options.AddPolicy(RecommendationsApiEndpoints.PolicyName, http =>
                PerKey(http, http.RequestServices.GetRequiredService<IOptions<ServingApiOptions>>().Value.PermitsPerMinute));
        });

        services.AddOpenApi(options =>
        {
            options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.AddSchemaTransformer<TimestampSchemaTransformer>();
            options.AddOperationTransformer<ApiExamplesTransformer>();
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapApiWriteGroup(ApiScopes.EventsWrite, "Events API");

        group.MapPost("/events", RecordEventsAsync)
            .WithName("PostEvents")
            .WithSummary("Record a batch of interactions")
            .WithDescription("Each event names an end-user, an item, a type (view, click, add_to_cart, purchase, rating), a value for ratings " +
                "(0.5 to 5) and a timestamp (ISO-8601 or Unix seconds). Unknown end-users are created; unknown items are created as " +
                "placeholders titled with their id. All-or-nothing: any invalid row means nothing is written and the 400 response lists every problem.")
            .Accepts<EventsBatch>("application/json")
            .Produces<IngestSummary>();

        group.MapPost("/users", UpsertUsersAsync)
            .WithName("PostUsers")
            .WithSummary("Create or update end-users")
            .WithDescription("Each row is an end-user id with attributes; attributes are added or overwritten by key, others are kept. " +
                "Flag attributes as sensitive (bias audits group by them) and/or quasi_identifier (privacy generalises them).")
            .Accepts<UsersBatch>("application/json")
            .Produces<IngestSummary>();

        group.MapPost("/items", UpsertItemsAsync)
            .WithName("PostItems")
            .WithSummary("Create or update items")
            .WithDescription("Each row is an item id with a title and optional category, tags, price and attributes. Fields sent are " +
                "written, fields left out keep their value. A placeholder item created by an event becomes a real item.")
            .Accepts<ItemsBatch>("application/json")
            .Produces<IngestSummary>();

        group.MapPost("/feedback", RecordFeedbackAsync)
            .WithName("PostFeedback")
            .WithTags("Recommendations API")
            .WithSummary("Record impressions, clicks and conversions of recommended items")
            .WithDescription("Each row names the recommendation_id of the list the item was in, the item, the end-user, the type " +
                "(impression, click or conversion) and a timestamp. Every row is stored as feedback; a click is also stored as a click " +
                "interaction and a conversion as a purchase interaction, so both count in the next training (an impression does not: being " +
                "shown an item says nothing about liking it). The recommendation_id must be one this organisation was served (an unknown id, or " +
                "one issued for another organisation's key, is a 400 problem for that row); each row is attributed to its list's campaign and arm. " +
                "Same rules as /events: all-or-nothing, " +
                "any invalid row means nothing is written and the 400 response lists every problem; a retried batch is stored once.")
            .Accepts<FeedbackBatch>("application/json")
            .Produces<FeedbackSummary>();

        app.MapOpenApi();
        // Scalar's default fonts come from fonts.scalar.com: every visit would tell a third party, and the
        // Content-Security-Policy allows fonts from this origin only.
        app.MapScalarApiReference(options => options.WithTitle("Dashboard events API").DisableDefaultFonts());
        return app;
    }

    private static async Task<IResult> RecordEventsAsync(HttpContext http, ICurrentUser currentUser, EventIngestService ingest, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<EventsBatch>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var caller = await currentUser.GetAsync(cancellationToken);
        return ToResult(await ingest.RecordEventsAsync(caller.TenantId, body?.Events, cancellationToken));
    }

    private static async Task<IResult> UpsertUsersAsync(HttpContext http, ICurrentUser currentUser, EventIngestService ingest, IngestLimitCheck limits, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<UsersBatch>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (limits.Users(body?.Users) is { } overLimit)
        {
            return ToResult(overLimit);
        }

        var caller = await currentUser.GetAsync(cancellationToken);
        return ToResult(await ingest.UpsertUsersAsync(caller.TenantId, body?.Users, cancellationToken));
    }

    private static async Task<IResult> UpsertItemsAsync(HttpContext http, ICurrentUser currentUser, EventIngestService ingest, IngestLimitCheck limits, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ItemsBatch>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (limits.Items(body?.Items) is { } overLimit)
        {
            return ToResult(overLimit);
        }

        var caller = await currentUser.GetAsync(cancellationToken);
        return ToResult(await ingest.UpsertItemsAsync(caller.TenantId, body?.Items, cancellationToken));
    }

    private static async Task<IResult> RecordFeedbackAsync(HttpContext http, ICurrentUser currentUser, FeedbackService feedback, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<FeedbackBatch>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var caller = await currentUser.GetAsync(cancellationToken);
        var outcome = await feedback.RecordAsync(caller.TenantId, body?.Feedback, cancellationToken);
        return outcome.Summary is { } summary ? TypedResults.Ok(summary) : Refused(outcome.Problems, outcome.TooLarge);
    }

    private static IResult ToResult(IngestOutcome outcome) =>
        outcome.Summary is { } summary ? TypedResults.Ok(summary) : Refused(outcome.Problems, outcome.TooLarge);

    private static IResult Refused(IReadOnlyList<IngestProblem> problems, bool tooLarge) =>
        Results.Problem(
            statusCode: tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            title: "The batch was not written",
            detail: tooLarge
                ? problems[0].Reason
                : string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s) found; nothing was written. Fix them and send the whole batch again."),
            extensions: new Dictionary<string, object?> { ["errors"] = problems });

    private static RateLimitPartition<string> PerKey(HttpContext http, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? string.Empty, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // A fixed one-minute window: the lease says when it reopens; without that, a full window is the safe bound.
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: string.Create(CultureInfo.InvariantCulture, $"This API key has used its requests for this minute. Try again in {seconds} s, or send more rows per request (up to the batch limit)."))
            .ExecuteAsync(context.HttpContext);
    }
}
