using System.ComponentModel;
using Dashboard.Application.Common;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.DataSources;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>
/// The serving API (<c>/api/v1</c>, scope <c>recommendations:read</c>): top-N recommendations for an
/// end-user and similar items for an item, from the active model version of a blend, with their own
/// per-key rate limit (<see cref="ServingApiOptions"/>).
/// </summary>
public static class RecommendationsApiEndpoints
{
    public const string PolicyName = "ServingApi";

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiScopePolicies.For(ApiScopes.RecommendationsRead))
            .RequireRateLimiting(PolicyName)
            .WithTags("Recommendations API")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/recommendations", RecommendAsync)
            .WithName("GetRecommendations")
            .WithSummary("Top-N recommendations for an end-user")
            .WithDescription("The list the blend's active model version makes for the end-user, best first, each item with short reason codes. " +
                "An end-user the model does not know (new, without history, or an id of another organisation) gets the most popular items " +
                "with personalised: false. Events sent to POST /events after the model was trained count within seconds for end-users the " +
                "model knows (items new since the training wait for the next one). Keep recommendation_id and send it with feedback. " +
                "With campaign=<name or id> the list comes from that campaign: the blend of the end-user's arm (the same arm on every call), " +
                "the campaign's business rules and list size (count= overrides it); the answer names campaign and arm, and feedback on it is " +
                "attributed to them. An end-user outside the campaign's segment gets 404 \"Not in the campaign's audience\": ask again " +
                "without campaign= for their usual list. " +
                "Errors: 400 for a missing user_id, count outside 1–100, or blend= together with campaign=; 404 for an unknown blend or " +
                "campaign, or an end-user outside the campaign's audience; 409 for a blend without an active model version, a campaign that " +
                "is not running (its state is in the detail), an e-mail campaign (delivered by export), a campaign whose segment was deleted, " +
                "or an arm whose blend was deleted, has no active version or whose version the compliance gate blocks.")
            .Produces<RecommendationsResponse>();

        group.MapGet("/items/{id}/similar", SimilarAsync)
            .WithName("GetSimilarItems")
            .WithSummary("Items similar to an item, for product pages")
            .WithDescription("Items most often chosen by the same end-users, from the blend's active model version, best first. An item the " +
                "model does not know (new since the last training, or an id of another organisation) gets an empty list, not an error.")
            .Produces<RecommendationsResponse>();
        return app;
    }

    private static async Task<IResult> RecommendAsync(
        ICurrentUser currentUser,
        RecommendationServingService serving,
        [FromQuery(Name = "user_id"), Description("The end-user's id, as sent to the events API.")] string? userId,
        [FromQuery(Name = "count"), Description("How many items, 1 to 100. Default 10, or the campaign's list size with campaign=.")] int? count,
        [FromQuery(Name = "blend"), Description("A blend's name or id; left out: the blend named Default (or the organisation's only blend).")] string? blend,
        [FromQuery(Name = "exclude_categories"), Description("Comma-separated categories to leave out, e.g. Shoes,Bags.")] string? excludeCategories,
        [FromQuery(Name = "campaign"), Description("A running web or app campaign's name or id: the list of the end-user's arm, under the campaign's rules. Not with blend=.")] string? campaign,
        CancellationToken cancellationToken)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        var excluded = string.IsNullOrWhiteSpace(excludeCategories)
            ? []
            : excludeCategories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(campaign))
        {
            return ToResult(await serving.RecommendAsync(caller.TenantId, userId, count ?? 10, blend, excluded, cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(blend))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "blend= and campaign= together",
                detail: "A campaign chooses the blend of each end-user's arm; leave out blend= when you send campaign=.");
        }

        return ToResult(await serving.RecommendForCampaignAsync(caller.TenantId, userId, count, campaign, excluded, cancellationToken));
    }

    private static async Task<IResult> SimilarAsync(
        ICurrentUser currentUser,
        RecommendationServingService serving,
        [Description("The item's id.")] string id,
        [FromQuery(Name = "count"), Description("How many items, 1 to 100. Default 10.")] int? count,
        [FromQuery(Name = "blend"), Description("A blend's name or id; left out: the default blend.")] string? blend,
        CancellationToken cancellationToken)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        return ToResult(await serving.SimilarAsync(caller.TenantId, id, count ?? 10, blend, cancellationToken));
    }

    private static IResult ToResult(ServingOutcome outcome) =>
        outcome.Response is { } response
            ? TypedResults.Ok(response)
            : Results.Problem(statusCode: outcome.Problem!.Status, title: outcome.Problem.Title, detail: outcome.Problem.Detail);
}
