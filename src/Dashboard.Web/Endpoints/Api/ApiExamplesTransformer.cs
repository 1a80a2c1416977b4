using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Puts a request and a response example on each API operation, by operation id, so the reference page
/// shows a body that works as written instead of an empty skeleton.
/// </summary>
internal sealed class ApiExamplesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string? Request, string Response)> Examples = new(StringComparer.Ordinal)
    {
        ["PostEvents"] = (
            """{"events":[{"user_id":"u-1001","item_id":"sku-42","type":"purchase","timestamp":"2026-05-01T09:30:00Z"},{"user_id":"u-1001","item_id":"sku-42","type":"rating","value":4.5,"timestamp":1777627800}]}""",
            """{"received":2,"created_users":1,"updated_users":0,"created_items":0,"updated_items":0,"created_placeholder_items":1,"interactions_written":2,"duplicates_skipped":0}"""),
        ["PostUsers"] = (
            """{"users":[{"id":"u-1001","attributes":[{"key":"region","value":"North","sensitive":true,"quasi_identifier":true}]}]}""",
            """{"received":1,"created_users":1,"updated_users":0,"created_items":0,"updated_items":0,"created_placeholder_items":0,"interactions_written":0,"duplicates_skipped":0}"""),
        ["PostItems"] = (
            """{"items":[{"id":"sku-42","title":"Steel kettle","category":"Kitchen","tags":["steel","1.7 l"],"price":39.9}]}""",
            """{"received":1,"created_users":0,"updated_users":0,"created_items":0,"updated_items":1,"created_placeholder_items":0,"interactions_written":0,"duplicates_skipped":0}"""),
        ["PostFeedback"] = (
            """{"feedback":[{"recommendation_id":"rec_AZLXkd8A3q1x9w2V0bT4cA","item_id":"sku-42","end_user_id":"u-1001","type":"impression","timestamp":"2026-05-01T09:31:00Z"},{"recommendation_id":"rec_AZLXkd8A3q1x9w2V0bT4cA","item_id":"sku-42","end_user_id":"u-1001","type":"click","timestamp":"2026-05-01T09:31:20Z"}]}""",
            """{"received":2,"feedback_stored":2,"interactions_written":1,"created_users":0,"created_placeholder_items":0}"""),
        ["GetRecommendations"] = (null,
            """{"recommendation_id":"rec_AZLXkd8A3q1x9w2V0bT4cA","blend":"Default","model_version":3,"model_version_id":"0193a5e2-7c1d-7b44-9a51-2f0c8e6d4b10","personalised":true,"items":[{"item_id":"sku-17","title":"Cast-iron pan","category":"Kitchen","categories":["Kitchen"],"score":0.82,"rank":1,"reason_codes":["because-history"]},{"item_id":"sku-93","title":"Oven gloves","category":"Kitchen","categories":["Kitchen"],"score":0.64,"rank":2,"reason_codes":["taste-match","popular"]}],"no_consent":false,"campaign":"Spring picks","arm":"B"}"""),
        ["GetSimilarItems"] = (null,
            """{"recommendation_id":"rec_AZLXkd8B1m2n3b4v5c6x7w","blend":"Default","model_version":3,"model_version_id":"0193a5e2-7c1d-7b44-9a51-2f0c8e6d4b10","personalised":false,"items":[{"item_id":"sku-43","title":"Kettle descaler","category":"Kitchen","categories":["Kitchen"],"score":0.71,"rank":1,"reason_codes":["similar-item"]}]}"""),
        ["PostConsents"] = (
            """{"consents":[{"user_id":"u-1001","purpose":"Personalisation","state":"granted","occurred_at":"2026-05-01T09:30:00Z","source":"web banner","notice_version":"2026-01","proof_reference":"banner-7f3a"},{"user_id":"u-1002","purpose":"Marketing messages","state":"withdrawn","occurred_at":1777627800,"source":"app"}]}""",
            """{"received":2,"created_users":1,"consents_written":2}"""),
        ["GetEndUserExport"] = (null,
            """{"reference":"AR-20261130-9C41B2","generated_at_utc":"2026-11-30T09:30:00Z","end_user_id":"u-1001","found":true,"first_seen_utc":"2026-05-01T09:30:00Z","attributes":[{"key":"region","value":"North","sensitive":true,"quasi_identifier":true}],"interactions":[{"item_id":"sku-42","type":"purchase","value":1,"occurred_at_utc":"2026-05-01T09:30:00Z"}],"consents":[{"purpose":"Personalisation","granted":true,"occurred_at_utc":"2026-05-01T09:00:00Z","recorded_at_utc":"2026-05-01T09:00:02Z","source":"web banner","notice_version":"v3","proof_reference":"form-4411"}],"recommendation_feedback":[{"recommendation_id":"rec_AZLXkd8A3q1x9w2V0bT4cA","item_id":"sku-17","type":"click","occurred_at_utc":"2026-05-01T09:31:20Z"}],"recommendations_served":[{"recommendation_id":"rec_AZLXkd8A3q1x9w2V0bT4cA","served_at_utc":"2026-05-01T09:31:00Z","personalised":true,"item_ids":["sku-17","sku-93"]}]}"""),
        ["PostErasure"] = (
            """{"user_id":"u-1001"}""",
            """{"id":"0193a5e2-8d2e-7c55-8b62-3a1d9f7e5c21","reference":"ER-20261130-7F3A1C","kind":"Erasure","received_at_utc":"2026-11-30T09:30:00Z","completed_at_utc":"2026-11-30T09:30:01Z","requested_by":"API key \"crm\"","channel":"API","found":true,"rows_removed":{"Interactions":42,"EndUserAttributes":3,"ConsentRecords":2,"RecommendationFeedback":5,"ServedRecommendations":7,"ImportErrors":0,"EndUsers":1},"model_versions_affected":["Default v3"],"outcome":"60 rows removed; rewritten without the end-user: Default v3."}"""),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.OperationId is null || !Examples.TryGetValue(operation.OperationId, out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is not null && operation.RequestBody?.Content is { } request && request.TryGetValue("application/json", out var requestType))
        {
            requestType.Example = JsonNode.Parse(example.Request);
        }

        if (operation.Responses is { } responses && responses.TryGetValue("200", out var ok) && ok.Content is { } content && content.TryGetValue("application/json", out var responseType))
        {
            responseType.Example = JsonNode.Parse(example.Response);
        }

        return Task.CompletedTask;
    }
}
