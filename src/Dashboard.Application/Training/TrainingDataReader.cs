using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Training;

/// <summary>
/// Reads a tenant's stored data into the engine's columns. End-users and items are read once into id maps;
/// interactions stream as a no-tracking projection onto a struct (no entity, no string per row) and only those
/// of end-users the consent gate allows are added; the others are counted (distinct end-users) for the manifest.
/// </summary>
public static class TrainingDataReader
{
    private static readonly string[] EventNames = BuildEventNames();

    /// <summary>
    /// The training data, per end-user (id as stored) the values of their attributes flagged sensitive — decrypted
    /// with <paramref name="attributeValues"/> for the per-group figures; with null they are not read (tuning needs
    /// none) — and how many end-users had interactions the consent gate did not allow.
    /// </summary>
    public static async Task<(TrainingData Data, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SensitiveAttributes, int EndUsersExcluded)> ReadAsync(
        IAppDbContext db, ConsentedEndUsers consent, IAttributeValueProtector? attributeValues, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(consent);
        var endUsers = await db.EndUsers.AsNoTracking().Select(u => new { u.Id, u.ExternalId }).ToDictionaryAsync(u => u.Id, u => u.ExternalId, cancellationToken);
        var items = await db.Items.AsNoTracking().Select(i => new { i.Id, i.ExternalId }).ToDictionaryAsync(i => i.Id, i => i.ExternalId, cancellationToken);
        var expected = await db.Interactions.CountAsync(cancellationToken);
        var builder = new TrainingDataBuilder(expected);
        await AddItemDetailsAsync(db, builder, items, cancellationToken);

        var rows = db.Interactions.AsNoTracking()
            .Select(i => new InteractionRow(i.EndUserId, i.ItemId, i.Type, i.Value, i.OccurredAtUtc))
            .AsAsyncEnumerable();
        var read = 0;
        var excluded = new HashSet<long>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!consent.Allows(row.EndUserId))
            {
                excluded.Add(row.EndUserId);
            }
            else if (endUsers.TryGetValue(row.EndUserId, out var user) && items.TryGetValue(row.ItemId, out var item))
            {
                builder.Add(user, item, EventNames[(int)row.Type], (float)row.Value, row.OccurredAtUtc.Ticks);
            }

            if (++read % 100_000 == 0)
            {
                rowsRead?.Report(read);
            }
        }

        var sensitive = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (attributeValues is null)
        {
            return (builder.Build(), sensitive, excluded.Count);
        }

        var attributes = db.EndUserAttributes.AsNoTracking().Where(a => a.IsSensitive).Select(a => new { a.EndUserId, a.Key, a.Value }).AsAsyncEnumerable();
        await foreach (var a in attributes.WithCancellation(cancellationToken))
        {
            if (consent.Allows(a.EndUserId) && endUsers.TryGetValue(a.EndUserId, out var user))
            {
                if (!sensitive.TryGetValue(user, out var values))
                {
                    sensitive[user] = values = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                ((Dictionary<string, string>)values)[a.Key] = attributeValues.Unprotect(db.TenantId, a.Value);
            }
        }

        return (builder.Build(), sensitive, excluded.Count);
    }

    private static async Task AddItemDetailsAsync(IAppDbContext db, TrainingDataBuilder builder, Dictionary<long, string> ids, CancellationToken cancellationToken)
    {
        var attributeText = new Dictionary<long, List<string>>();
        var attributes = db.ItemAttributes.AsNoTracking().Select(a => new { a.ItemId, a.Key, a.Value }).AsAsyncEnumerable();
        await foreach (var a in attributes.WithCancellation(cancellationToken))
        {
            if (!attributeText.TryGetValue(a.ItemId, out var list))
            {
                attributeText[a.ItemId] = list = [];
            }

            list.Add($"{a.Key} {a.Value}");
        }

        var details = db.Items.AsNoTracking().Where(i => !i.IsPlaceholder).Select(i => new { i.Id, i.Title, i.Category, i.Tags }).AsAsyncEnumerable();
        await foreach (var item in details.WithCancellation(cancellationToken))
        {
            var tags = item.Tags is { Length: > 0 } t ? t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            var text = attributeText.TryGetValue(item.Id, out var list) ? string.Join(' ', list) : null;
            builder.AddItem(ids[item.Id], item.Title, item.Category is { Length: > 0 } c ? [c] : null, tags, text);
        }
    }

    private static string[] BuildEventNames()
    {
        var names = new string[Enum.GetValues<InteractionType>().Length];
        foreach (var type in Enum.GetValues<InteractionType>())
        {
            names[(int)type] = EventTypes.ToName(type);
        }

        return names;
    }

    private readonly record struct InteractionRow(long EndUserId, long ItemId, InteractionType Type, double Value, DateTime OccurredAtUtc);
}
