using System.Buffers;
using System.Globalization;
using Dashboard.Application.DataSources.EventsApi;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// Refuses an events-API body larger than <see cref="EventsApiOptions.MaxRequestBytes"/> with a 413 before
/// the JSON is read: by its Content-Length when it has one (the server then stops at that length), and by
/// reading at most the limit first when it is sent in chunks.
/// </summary>
internal sealed class RequestBodyLimitFilter(IOptions<EventsApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var max = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > max)
        {
            return TooLarge(max);
        }

        if (http.Request.ContentLength is null)
        {
            var buffered = new MemoryStream();
            http.Response.RegisterForDisposeAsync(buffered);
            if (!await CopyAtMostAsync(http.Request.Body, buffered, max, http.RequestAborted))
            {
                return TooLarge(max);
            }

            buffered.Position = 0;
            http.Request.Body = buffered;
        }

        return await next(context);
    }

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>; false as soon as it has more than <paramref name="max"/> bytes.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream from, Stream to, int max, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            long total = 0;
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > max)
                {
                    return false;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge(int max) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large",
        detail: string.Create(CultureInfo.InvariantCulture,
            $"The body is larger than {max:N0} bytes ({EventsApiOptions.Section}:{nameof(EventsApiOptions.MaxRequestBytes)}). Send fewer rows per request. Nothing was written."));
}
