using System.ComponentModel.DataAnnotations;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.DataSources;

/// <summary>
/// Replaces a tenant's data with a generated set through one session of the ingestion writer (one
/// transaction, the same bulk path and field rules as a file import). A generated row that breaks a
/// rule is a fault of the generator or of its options, so it stops the write instead of being skipped.
/// The end-users' consent (<see cref="SampleConsents"/>) is written with them.
/// </summary>
public sealed class SampleDataWriter(IIngestionWriter writer, IOptions<DataSourcesOptions> options, IConsentGate consentGate, TimeProvider time) : ISampleDataWriter
{
    public async Task ReplaceTenantDataAsync(Guid tenantId, SampleDataSet data, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(progress);
        var accepted = options.Value.AcceptedTimes(time.GetUtcNow().UtcDateTime);
        await using var session = await writer.BeginAsync(tenantId, cancellationToken);
        await session.ClearAsync(cancellationToken);
        progress.Report(5);

        var userIds = new long[data.Users.Count];
        for (var u = 0; u < userIds.Length; u++)
        {
            var user = data.Users[u];
            userIds[u] = await session.UserIdAsync(Checked(IngestionRules.Id(user.ExternalId, "end-user id", out var id), id), cancellationToken);
            await session.SetUserAttributesAsync(userIds[u], [.. user.Attributes.Select(Attribute)], cancellationToken);
        }

        progress.Report(15);
        var itemIds = new long[data.Items.Count];
        for (var i = 0; i < itemIds.Length; i++)
        {
            var item = data.Items[i];
            var externalId = Checked(IngestionRules.Id(item.ExternalId, "item id", out var id), id);
            var title = Checked(IngestionRules.Title(item.Title, out var t), t);
            Checked(IngestionRules.Category(item.Category) ?? IngestionRules.Tags(item.Tags) ?? (item.Price is { } p ? IngestionRules.Price(p) : null), externalId);
            await session.UpsertItemAsync(
                new IngestedItem(externalId, title, item.Category, item.Tags, item.Price, [.. item.Attributes.Select(a => new IngestedFact(a.Key, a.Value))]),
                cancellationToken);
            itemIds[i] = (await session.ItemIdAsync(externalId, createPlaceholder: false, cancellationToken))!.Value;
        }

        progress.Report(20);
        var rows = data.Interactions;
        var step = Math.Max(1, rows.Length / 40);
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            Checked(IngestionRules.Time(row.OccurredAtUtc, accepted) ?? (row.Type == InteractionType.Rating ? IngestionRules.Rating(row.Value) : IngestionRules.EventValue(row.Value)), row);
            await session.AddInteractionAsync(userIds[row.UserIndex], itemIds[row.ItemIndex], row.Type, row.Value, row.OccurredAtUtc, cancellationToken);
            if (r % step == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report(20 + (int)(80L * r / rows.Length));
            }
        }

        foreach (var (user, consent) in SampleConsents.For(data))
        {
            Checked(IngestionRules.Time(consent.OccurredAtUtc, accepted), consent);
            await session.AppendConsentAsync(userIds[user], consent, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        consentGate.ConsentChanged(tenantId);
        progress.Report(100);
    }

    private static IngestedFact Attribute(EndUserAttribute a)
    {
        Checked(IngestionRules.AttributeKey(a.Key) ?? IngestionRules.AttributeValue(a.Value), a.Key);
        return new IngestedFact(a.Key, a.Value, a.IsSensitive, a.IsQuasiIdentifier);
    }

    private static T Checked<T>(string? problem, T value) =>
        problem is null ? value : throw new ValidationException($"The generated sample data breaks a rule of the data it may contain ({value}): {problem}");
}
