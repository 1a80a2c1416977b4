namespace Dashboard.Web.Api;

/// <summary>The shape every write API shares: its scope, the per-key rate limit, the body-size and per-organisation write gates, and their problems.</summary>
public static class ApiWriteGroup
{
    public static RouteGroupBuilder MapApiWriteGroup(this IEndpointRouteBuilder app, string scope, string tag)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup("/api/v1")
            .RequireAuthorization(ApiScopePolicies.For(scope))
            .RequireRateLimiting(EventsApiEndpoints.PolicyName)
            // JSON bodies authenticated by a header cannot be forged cross-site the way cookie-backed forms can.
            .DisableAntiforgery()
            // Size first, so an oversized body is refused without taking a place in the organisation's queue.
            .AddEndpointFilter<RequestBodyLimitFilter>()
            .AddEndpointFilter<TenantWriteGateFilter>()
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
