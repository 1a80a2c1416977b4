using System.ComponentModel;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Recommendations.Feedback;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// An event's (or feedback row's) timestamp is read as raw JSON (text or number), which the generator can only describe as
/// "anything"; this states the accepted types and keeps the property's documented description.
/// </summary>
internal sealed class TimestampSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonPropertyInfo is { Name: "timestamp" } property && (property.DeclaringType == typeof(EventInput) || property.DeclaringType == typeof(FeedbackInput)))
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Description = property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false)
                .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        }

        return Task.CompletedTask;
    }
}
