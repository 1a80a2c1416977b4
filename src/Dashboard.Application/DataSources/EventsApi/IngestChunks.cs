namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Writes a validated end-user or item batch as several short transactions instead of one long one.
/// SQLite has one writer for every organisation: a batch of 1,000 rows with their attributes written in
/// one transaction holds it for seconds, and every other organisation's write waits that long. Chunks of
/// about <see cref="AttributesPerChunk"/> attributes hold it for a fraction of a second each, so others
/// interleave. Upserts by id are idempotent, so a batch cut short by a failure between chunks is completed
/// by sending it again; once the first chunk is written the rest is written even if the caller goes away.
/// </summary>
public static class IngestChunks
{
    public const int RowsPerChunk = 100;

    public const int AttributesPerChunk = 1_000;

    public static async Task<IngestOutcome> WriteAsync<T>(
        IReadOnlyList<T> rows, Func<T, int> attributesOf, Func<IReadOnlyList<T>, CancellationToken, Task<IngestOutcome>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(attributesOf);
        ArgumentNullException.ThrowIfNull(write);
        IngestSummary? total = null;
        foreach (var chunk in Split(rows, attributesOf))
        {
            var outcome = await write(chunk, total is null ? cancellationToken : CancellationToken.None);
            if (outcome.Summary is not { } written)
            {
                return outcome;
            }

            total = total is null ? written : Add(total, written);
        }

        return IngestOutcome.Written(total! with { Received = rows.Count });
    }

    /// <summary>Consecutive chunks of at most <see cref="RowsPerChunk"/> rows and, past one row, <see cref="AttributesPerChunk"/> attributes.</summary>
    public static IEnumerable<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> rows, Func<T, int> attributesOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(attributesOf);
        var chunk = new List<T>();
        var attributes = 0;
        foreach (var row in rows)
        {
            var count = attributesOf(row);
            if (chunk.Count > 0 && (chunk.Count == RowsPerChunk || attributes + count > AttributesPerChunk))
            {
                yield return chunk;
                chunk = [];
                attributes = 0;
            }

            chunk.Add(row);
            attributes += count;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static IngestSummary Add(IngestSummary a, IngestSummary b) => new(
        a.Received + b.Received,
        a.CreatedUsers + b.CreatedUsers,
        a.UpdatedUsers + b.UpdatedUsers,
        a.CreatedItems + b.CreatedItems,
        a.UpdatedItems + b.UpdatedItems,
        a.CreatedPlaceholderItems + b.CreatedPlaceholderItems,
        a.InteractionsWritten + b.InteractionsWritten,
        a.DuplicatesSkipped + b.DuplicatesSkipped);
}
