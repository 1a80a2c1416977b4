using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Privacy.ConsentsApi;

/// <summary>What a written consent batch changed.</summary>
public sealed record ConsentSummary(
    [property: JsonPropertyName("received"), Description("Rows in the request.")] int Received,
    [property: JsonPropertyName("created_users"), Description("End-users that did not exist before (by id).")] int CreatedUsers,
    [property: JsonPropertyName("consents_written"), Description("Consent records stored; the history is kept, the latest by occurred_at is the current state.")] int ConsentsWritten);
