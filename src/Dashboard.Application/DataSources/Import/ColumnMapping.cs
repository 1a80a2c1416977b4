using System.Text.Json;

namespace Dashboard.Application.DataSources.Import;

/// <summary>The fields a source column can be mapped to. <see cref="Attribute"/> keeps the column as a key/value fact.</summary>
public static class ImportFields
{
    public const string UserId = "user_id";
    public const string ItemId = "item_id";
    public const string EventType = "event_type";
    public const string Value = "value";
    public const string Timestamp = "timestamp";
    public const string Title = "title";
    public const string Category = "category";
    public const string Tags = "tags";
    public const string Price = "price";
    public const string Purpose = "purpose";
    public const string ConsentState = "state";
    public const string Source = "source";
    public const string NoticeVersion = "notice_version";
    public const string ProofReference = "proof_reference";
    public const string Attribute = "attribute";
    public const string Ignore = "ignore";

    public static IReadOnlyList<string> For(Domain.DataSources.DatasetKind dataset) => dataset switch
    {
        Domain.DataSources.DatasetKind.Interactions => [UserId, ItemId, EventType, Value, Timestamp, Ignore],
        Domain.DataSources.DatasetKind.Items => [ItemId, Title, Category, Tags, Price, Attribute, Ignore],
        Domain.DataSources.DatasetKind.Consents => [UserId, Purpose, ConsentState, Timestamp, Source, NoticeVersion, ProofReference, Ignore],
        _ => [UserId, Attribute, Ignore],
    };

    public static IReadOnlyList<string> Required(Domain.DataSources.DatasetKind dataset) => dataset switch
    {
        Domain.DataSources.DatasetKind.Interactions => [UserId, ItemId, Timestamp],
        Domain.DataSources.DatasetKind.Items => [ItemId],
        Domain.DataSources.DatasetKind.Consents => [UserId, Purpose, ConsentState, Timestamp],
        _ => [UserId],
    };

    public static string Label(string field) => field switch
    {
        UserId => "End-user id",
        ItemId => "Item id",
        EventType => "Event type",
        Value => "Value / rating",
        Timestamp => "Timestamp",
        Title => "Title",
        Category => "Category",
        Tags => "Tags",
        Price => "Price",
        Purpose => "Purpose",
        ConsentState => "State (granted / withdrawn)",
        Source => "Source / channel",
        NoticeVersion => "Notice version",
        ProofReference => "Proof reference",
        Attribute => "Attribute",
        _ => "Ignore",
    };
}

/// <summary>One source column and what it becomes. Flags matter for end-user attributes only.</summary>
public sealed record ColumnMap(string Column, string Field, bool Sensitive = false, bool QuasiIdentifier = false);

/// <summary>How a dataset's columns map to fields; saved as JSON with the data source.</summary>
public sealed record ColumnMapping(IReadOnlyList<ColumnMap> Columns)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = ImportFields.UserId, ["userid"] = ImportFields.UserId, ["user_id"] = ImportFields.UserId, ["customer"] = ImportFields.UserId,
        ["customer_id"] = ImportFields.UserId, ["customerid"] = ImportFields.UserId, ["end_user_id"] = ImportFields.UserId, ["visitorid"] = ImportFields.UserId,
        ["item"] = ImportFields.ItemId, ["itemid"] = ImportFields.ItemId, ["item_id"] = ImportFields.ItemId, ["product"] = ImportFields.ItemId,
        ["product_id"] = ImportFields.ItemId, ["productid"] = ImportFields.ItemId, ["movie"] = ImportFields.ItemId, ["movie_id"] = ImportFields.ItemId,
        ["movieid"] = ImportFields.ItemId, ["sku"] = ImportFields.ItemId,
        ["event"] = ImportFields.EventType, ["event_type"] = ImportFields.EventType, ["eventtype"] = ImportFields.EventType, ["type"] = ImportFields.EventType,
        ["action"] = ImportFields.EventType,
        ["value"] = ImportFields.Value, ["rating"] = ImportFields.Value, ["score"] = ImportFields.Value, ["quantity"] = ImportFields.Value,
        ["timestamp"] = ImportFields.Timestamp, ["time"] = ImportFields.Timestamp, ["date"] = ImportFields.Timestamp, ["datetime"] = ImportFields.Timestamp,
        ["occurred_at"] = ImportFields.Timestamp, ["ts"] = ImportFields.Timestamp, ["created_at"] = ImportFields.Timestamp,
        ["title"] = ImportFields.Title, ["name"] = ImportFields.Title, ["category"] = ImportFields.Category, ["genre"] = ImportFields.Category,
        ["tags"] = ImportFields.Tags, ["genres"] = ImportFields.Tags, ["price"] = ImportFields.Price,
        ["purpose"] = ImportFields.Purpose, ["consent_purpose"] = ImportFields.Purpose, ["state"] = ImportFields.ConsentState, ["consent"] = ImportFields.ConsentState,
        ["granted"] = ImportFields.ConsentState, ["status"] = ImportFields.ConsentState, ["source"] = ImportFields.Source, ["channel"] = ImportFields.Source,
        ["notice_version"] = ImportFields.NoticeVersion, ["notice"] = ImportFields.NoticeVersion, ["proof_reference"] = ImportFields.ProofReference,
        ["proof"] = ImportFields.ProofReference, ["granted_at"] = ImportFields.Timestamp,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ColumnMapping? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<ColumnMapping>(json, Json);

    /// <summary>A first guess from the header names, which the mapping step shows for the user to correct.</summary>
    public static ColumnMapping Guess(Domain.DataSources.DatasetKind dataset, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var allowed = ImportFields.For(dataset);
        var taken = new HashSet<string>();
        var columns = new List<ColumnMap>(header.Count);
        foreach (var column in header)
        {
            var key = column.Trim();
            string? field = null;
            if (key.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                field = dataset == Domain.DataSources.DatasetKind.Items ? ImportFields.ItemId : ImportFields.UserId;
            }
            else if (Aliases.TryGetValue(key, out var alias))
            {
                field = alias;
            }

            if (field is null || !allowed.Contains(field) || !taken.Add(field))
            {
                field = dataset is Domain.DataSources.DatasetKind.Interactions or Domain.DataSources.DatasetKind.Consents ? ImportFields.Ignore : ImportFields.Attribute;
            }

            columns.Add(new ColumnMap(column, field));
        }

        return new ColumnMapping(columns);
    }

    /// <summary>Null when the mapping can import <paramref name="dataset"/>; otherwise what is missing.</summary>
    public string? Validate(Domain.DataSources.DatasetKind dataset)
    {
        var allowed = ImportFields.For(dataset);
        foreach (var column in Columns)
        {
            if (!allowed.Contains(column.Field))
            {
                return $"Column \"{column.Column}\" cannot be mapped to {ImportFields.Label(column.Field)} for this dataset.";
            }
        }

        foreach (var group in Columns.Where(c => c.Field is not ImportFields.Attribute and not ImportFields.Ignore).GroupBy(c => c.Field))
        {
            if (group.Count() > 1)
            {
                return $"{ImportFields.Label(group.Key)} is mapped from more than one column ({string.Join(", ", group.Select(c => c.Column))}).";
            }
        }

        var missing = ImportFields.Required(dataset).Where(f => Columns.All(c => c.Field != f)).Select(ImportFields.Label).ToList();
        return missing.Count == 0 ? null : $"Map a column to: {string.Join(", ", missing)}.";
    }
}
