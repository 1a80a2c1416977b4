using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.EventsApi;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// Runs an events-API write inside its organisation's turn (<see cref="TenantWriteGate"/>), and answers
/// 429 with Retry-After when that organisation already has a full queue of writes waiting.
/// </summary>
internal sealed class TenantWriteGateFilter(TenantWriteGate gate, ICurrentUser currentUser, IOptions<EventsApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var caller = await currentUser.GetAsync(http.RequestAborted);
        using var turn = await gate.EnterAsync(caller.TenantId, http.RequestAborted);
        if (turn is null)
        {
            // One write takes well under a second, so the queue has room again about a second later.
            http.Response.Headers.RetryAfter = "1";
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many writes at once",
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"Your organisation's writes run one at a time and {options.Value.WriteQueueLimit:N0} are already waiting ({EventsApiOptions.Section}:{nameof(EventsApiOptions.WriteQueueLimit)}). Try again in 1 s, or send fewer requests in parallel. Nothing was written."));
        }

        return await next(context);
    }
}
