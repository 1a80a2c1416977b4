using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>What a written batch changed. Counts that do not apply to the endpoint are zero.</summary>
public sealed record IngestSummary(
    [property: JsonPropertyName("received"), Description("Rows in the request.")] int Received,
    [property: JsonPropertyName("created_users"), Description("End-users that did not exist before (by id).")] int CreatedUsers,
    [property: JsonPropertyName("updated_users"), Description("Existing end-users whose attributes were written.")] int UpdatedUsers,
    [property: JsonPropertyName("created_items"), Description("Items that did not exist before (by id).")] int CreatedItems,
    [property: JsonPropertyName("updated_items"), Description("Existing items (including placeholders) that were updated.")] int UpdatedItems,
    [property: JsonPropertyName("created_placeholder_items"), Description("Items created only because an event named them; send them to /items to fill them in.")] int CreatedPlaceholderItems,
    [property: JsonPropertyName("interactions_written"), Description("Events stored.")] int InteractionsWritten,
    [property: JsonPropertyName("duplicates_skipped"), Description("Events not stored because the same end-user, item, type and time is already stored or repeated in the batch: a retried batch is written once.")] int DuplicatesSkipped = 0);
