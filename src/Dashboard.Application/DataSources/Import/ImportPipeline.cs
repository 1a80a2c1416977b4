using System.Globalization;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Reads one dataset row by row, validates, de-duplicates (within the file and against the interactions
/// already stored), weights events, leaves out bot-like users and
/// writes the accepted rows through an <see cref="IIngestionSession"/>; every field is checked by
/// <see cref="IngestionRules"/>, the same rules the events API and the sample data follow. Memory holds the session's id maps
/// and a set of 64-bit row fingerprints, never the rows. Problems with single rows go to the report;
/// problems with the whole input throw <see cref="ImportInputException"/> or <see cref="ImportRejectedException"/>.
/// </summary>
public static class ImportPipeline
{
    private const int ProgressEvery = 4096;

    public static async Task RunAsync(
        IIngestionSession session,
        DatasetKind dataset,
        Func<CancellationToken, Task<ITabularReader>> open,
        ColumnMapping? mapping,
        ImportSettings settings,
        ImportReport report,
        IProgress<double> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(progress);

        HashSet<ulong>? bots = null;
        if (dataset == DatasetKind.Interactions && settings.MaxEventsPerUserPerDay is { } cap)
        {
            await using var first = await open(cancellationToken);
            var firstColumns = Columns.Resolve(dataset, first.Header, mapping);
            bots = await FindBotsAsync(first, firstColumns, cap, settings, cancellationToken);
        }

        await using var reader = await open(cancellationToken);
        var columns = Columns.Resolve(dataset, reader.Header, mapping);

        // Consent history is append-only (what a controller must be able to show): a consent dataset is always
        // appended, whatever the source's mode, and a later record supersedes an earlier one by its own time.
        if (settings.Mode == ImportMode.Replace && dataset != DatasetKind.Consents)
        {
            await session.ReplaceAsync(dataset, cancellationToken);
        }

        var purposes = dataset == DatasetKind.Consents ? await ConsentPurposes.NamesAsync(session.Db, cancellationToken) : [];
        var rows = new RowContext(session, columns, settings, report, reader.Header.Count, bots, purposes);
        while (await reader.ReadAsync(cancellationToken) is { } row)
        {
            report.RowsRead++;
            var before = report.RowsRejected;
            if (row.Malformed is not null)
            {
                report.AddError(row.Line, null, null, row.Malformed);
            }
            else if (columns.FixedWidth && row.Cells.Length != reader.Header.Count)
            {
                report.AddError(row.Line, null, null,
                    $"This line has {row.Cells.Length} values but the header has {reader.Header.Count}. Check the delimiter and the quotes on this line.");
            }
            else
            {
                switch (dataset)
                {
                    case DatasetKind.Interactions: await rows.InteractionAsync(row, cancellationToken); break;
                    case DatasetKind.Items: await rows.ItemAsync(row, cancellationToken); break;
                    case DatasetKind.Consents: await rows.ConsentAsync(row, cancellationToken); break;
                    default: await rows.UserAttributesAsync(row, cancellationToken); break;
                }
            }

            if (report.RowsRejected > before && settings.BadRows == BadRowPolicy.RejectFileOnErrors && report.RowsRejected >= settings.MaxErrors)
            {
                throw new ImportRejectedException(
                    $"Stopped at line {row.Line:N0}: {report.RowsRejected:N0} row(s) have problems and this source rejects a file at {settings.MaxErrors:N0}. Nothing was imported; fix the rows listed below and import again.");
            }

            if (report.RowsRead % ProgressEvery == 0)
            {
                progress.Report(reader.Fraction);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (report.RowsRead == 0)
        {
            throw new ImportRejectedException(columns.HasHeader
                ? "The file has a header but no rows. Nothing was imported."
                : "The file is empty. Nothing was imported.");
        }

        // The same export imported again is not an error: the tenant's data already holds its good rows,
        // and its bad rows were refused the first time too (unless this source refuses files with bad rows).
        // Anything else that yields no row is.
        var nothingNew = report.RowsAlreadyImported > 0 && (report.RowsRejected == 0 || settings.BadRows == BadRowPolicy.SkipBadRows);
        if (report.RowsAccepted == 0 && !nothingNew)
        {
            throw new ImportRejectedException(report.RowsRejected == 0
                ? $"None of the {report.RowsRead:N0} rows was new (already imported, repeated in the file, or left out as bots). Nothing was changed."
                : $"None of the {report.RowsRead:N0} rows could be imported. Nothing was changed; see the errors below.");
        }

        // Repeats the session removed itself: every one repeats a row of this file that stays, so RowsAccepted
        // cannot reach 0 here.
        var repeats = await session.CompleteDatasetAsync(dataset, cancellationToken);
        report.RowsAccepted -= repeats;
        report.RowsDuplicate += repeats;
        report.PlaceholdersCreated = rows.Placeholders;
        progress.Report(1);
    }

    private static async Task<HashSet<ulong>> FindBotsAsync(ITabularReader reader, Columns columns, int cap, ImportSettings settings, CancellationToken cancellationToken)
    {
        var perDay = new Dictionary<(ulong User, int Day), int>();
        var bots = new HashSet<ulong>();
        while (await reader.ReadAsync(cancellationToken) is { } row)
        {
            if (IngestionRules.Id(Cell(row, columns.User), "end-user id", out var user) is not null
                || !ImportTimestamps.TryParse(Cell(row, columns.Timestamp), settings.Times, out var at, out _))
            {
                continue;
            }

            var key = (Fingerprint.Of(user), (int)(at.Ticks / TimeSpan.TicksPerDay));
            perDay.TryGetValue(key, out var count);
            perDay[key] = ++count;
            if (count > cap)
            {
                bots.Add(key.Item1);
            }
        }

        return bots;
    }

    internal static string? Cell(RawRow row, int index) => index >= 0 && index < row.Cells.Length ? row.Cells[index] : null;

    /// <summary>Column indexes of the mapped fields in the input's header.</summary>
    internal sealed class Columns
    {
        public int User { get; private init; } = -1;

        public int Item { get; private init; } = -1;

        public int Type { get; private init; } = -1;

        public int Value { get; private init; } = -1;

        public int Timestamp { get; private init; } = -1;

        public int Title { get; private init; } = -1;

        public int Category { get; private init; } = -1;

        public int Tags { get; private init; } = -1;

        public int Price { get; private init; } = -1;

        public int Purpose { get; private init; } = -1;

        public int State { get; private init; } = -1;

        public int Source { get; private init; } = -1;

        public int NoticeVersion { get; private init; } = -1;

        public int ProofReference { get; private init; } = -1;

        public bool HasHeader { get; private init; } = true;

        public bool FixedWidth { get; private init; } = true;

        public required IReadOnlyList<string> Names { get; init; }

        public required IReadOnlyList<(int Index, ColumnMap Map)> Attributes { get; init; }

        public static Columns Resolve(DatasetKind dataset, IReadOnlyList<string> header, ColumnMapping? mapping)
        {
            mapping ??= ColumnMapping.Guess(dataset, header);
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                index.TryAdd(header[i], i);
            }

            var problem = mapping.Validate(dataset);
            var missing = mapping.Columns.Where(c => c.Field != ImportFields.Ignore && !index.ContainsKey(c.Column)).Select(c => c.Column).ToList();
            if (header.Count == 1 && (problem is not null || missing.Count > 0))
            {
                var guess = TextDetection.DetectDelimiter(header[0]);
                throw new ImportInputException(guess != ","
                    ? $"The file was read as one single column, but its header looks {TextDetection.DelimiterName(guess)}-separated. Choose \"{TextDetection.DelimiterName(guess)}\" as the delimiter (or leave it on automatic) and import again."
                    : "The file was read as one single column. Check the delimiter of this source (comma, semicolon, tab or pipe) and import again.", 1);
            }

            if (problem is not null)
            {
                throw new ImportInputException($"The column mapping is not complete: {problem} Open the data source and finish the mapping step.", 1);
            }

            if (missing.Count > 0)
            {
                throw new ImportInputException(
                    $"The file has no column named {string.Join(", ", missing.Select(m => $"\"{m}\""))}, which the saved mapping uses. Check that you uploaded the right file, or map its columns again.", 1);
            }

            int Of(string field) => mapping.Columns.FirstOrDefault(c => c.Field == field) is { } c ? index[c.Column] : -1;
            return new Columns
            {
                Names = header,
                User = Of(ImportFields.UserId),
                Item = Of(ImportFields.ItemId),
                Type = Of(ImportFields.EventType),
                Value = Of(ImportFields.Value),
                Timestamp = Of(ImportFields.Timestamp),
                Title = Of(ImportFields.Title),
                Category = Of(ImportFields.Category),
                Tags = Of(ImportFields.Tags),
                Price = Of(ImportFields.Price),
                Purpose = Of(ImportFields.Purpose),
                State = Of(ImportFields.ConsentState),
                Source = Of(ImportFields.Source),
                NoticeVersion = Of(ImportFields.NoticeVersion),
                ProofReference = Of(ImportFields.ProofReference),
                Attributes = [.. mapping.Columns.Where(c => c.Field == ImportFields.Attribute).Select(c => (index[c.Column], c))],
            };
        }

        public string Name(int i) => i >= 0 && i < Names.Count ? Names[i] : string.Empty;
    }

    private sealed class RowContext(
        IIngestionSession session, Columns columns, ImportSettings settings, ImportReport report, int width, HashSet<ulong>? bots, IReadOnlyList<string> purposes)
    {
        private readonly HashKeySet _seen = new();
        private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
        private readonly long _placeholdersBefore = session.PlaceholdersCreated;

        public long Placeholders => session.PlaceholdersCreated - _placeholdersBefore;

        public async ValueTask InteractionAsync(RawRow row, CancellationToken cancellationToken)
        {
            _ = width;
            if (IngestionRules.Id(Cell(row, columns.User), "end-user id", out var user) is { } userProblem)
            {
                report.AddError(row.Line, columns.Name(columns.User), AsReported(user), userProblem);
                return;
            }

            if (IngestionRules.Id(Cell(row, columns.Item), "item id", out var item) is { } itemProblem)
            {
                report.AddError(row.Line, columns.Name(columns.Item), item, itemProblem);
                return;
            }

            InteractionType type;
            var typeText = Cell(row, columns.Type);
            if (columns.Type < 0)
            {
                type = columns.Value >= 0 ? InteractionType.Rating : InteractionType.View;
            }
            else if (IngestionRules.EventType(typeText, out type) is { } typeProblem)
            {
                report.AddError(row.Line, columns.Name(columns.Type), typeText, typeProblem);
                return;
            }

            var valueText = Cell(row, columns.Value)?.Trim();
            double value = 1;
            if (type == InteractionType.Rating)
            {
                if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
                {
                    report.AddError(row.Line, columns.Name(columns.Value), valueText,
                        string.IsNullOrEmpty(valueText) ? "A rating needs a value." : $"The rating \"{EventTypes.Truncate(valueText)}\" is not a number.");
                    return;
                }

                if (IngestionRules.Rating(value) is { } ratingProblem)
                {
                    report.AddError(row.Line, columns.Name(columns.Value), valueText, ratingProblem);
                    return;
                }
            }
            else
            {
                if (!string.IsNullOrEmpty(valueText) &&
                    (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || IngestionRules.EventValue(value) is not null))
                {
                    report.AddError(row.Line, columns.Name(columns.Value), valueText, $"The value \"{EventTypes.Truncate(valueText)}\" is not a number of 0 or more.");
                    return;
                }

                value *= settings.Weights[EventTypes.ToName(type)];
            }

            var timeText = Cell(row, columns.Timestamp);
            if (!ImportTimestamps.TryParse(timeText, settings.Times, out var at, out var timeProblem))
            {
                report.AddError(row.Line, columns.Name(columns.Timestamp), timeText, timeProblem!);
                return;
            }

            var userKey = Fingerprint.Of(user);
            if (bots is not null && bots.Contains(userKey))
            {
                report.RowsFilteredAsBots++;
                return;
            }

            // Repeats within the file: remembered here (8–16 bytes a row) only when the session does not remove them itself.
            if (!session.RemovesRepeatedInteractions && !_seen.Add(Fingerprint.Combine(userKey, Fingerprint.Of(item), (ulong)type, (ulong)at.Ticks)))
            {
                report.RowsDuplicate++;
                return;
            }

            var itemId = await session.ItemIdAsync(item, settings.UnknownItems == UnknownItemPolicy.CreatePlaceholder, cancellationToken);
            if (itemId is null)
            {
                report.AddError(row.Line, columns.Name(columns.Item), item,
                    $"The item \"{EventTypes.Truncate(item)}\" is not in your items. Import the items first, or let this source create placeholder items.");
                return;
            }

            var userId = await session.UserIdAsync(user, cancellationToken);
            if (await session.HadInteractionAsync(userId, itemId.Value, type, at, cancellationToken))
            {
                report.RowsDuplicate++;
                report.RowsAlreadyImported++;
                return;
            }

            await session.AddInteractionAsync(userId, itemId.Value, type, value, at, cancellationToken);
            report.RowsAccepted++;
        }

        public async ValueTask ItemAsync(RawRow row, CancellationToken cancellationToken)
        {
            if (IngestionRules.Id(Cell(row, columns.Item), "item id", out var id) is { } problem)
            {
                report.AddError(row.Line, columns.Name(columns.Item), id, problem);
                return;
            }

            var category = NullIfEmpty(Cell(row, columns.Category));
            var tags = NullIfEmpty(Cell(row, columns.Tags));
            if (!Passes(row, columns.Title, columns.Title >= 0 ? Cell(row, columns.Title) : id, IngestionRules.Title(columns.Title >= 0 ? Cell(row, columns.Title) : id, out var title))
                || !Passes(row, columns.Category, category, IngestionRules.Category(category))
                || !Passes(row, columns.Tags, tags, IngestionRules.Tags(tags)))
            {
                return;
            }

            decimal? price = null;
            var priceText = Cell(row, columns.Price)?.Trim();
            if (!string.IsNullOrEmpty(priceText))
            {
                if (!Passes(row, columns.Price, priceText, IngestionRules.Price(priceText, out var p)))
                {
                    return;
                }

                price = p;
            }

            if (Attributes(row) is not { } attributes)
            {
                return;
            }

            if (!_seenIds.Add(id))
            {
                report.RowsDuplicate++;
                return;
            }

            await session.UpsertItemAsync(new IngestedItem(id, title, category, tags, price, attributes), cancellationToken);
            report.RowsAccepted++;
        }

        public async ValueTask UserAttributesAsync(RawRow row, CancellationToken cancellationToken)
        {
            if (IngestionRules.Id(Cell(row, columns.User), "end-user id", out var id) is { } problem)
            {
                report.AddError(row.Line, columns.Name(columns.User), AsReported(id), problem);
                return;
            }

            if (Attributes(row) is not { } attributes)
            {
                return;
            }

            if (!_seenIds.Add(id))
            {
                report.RowsDuplicate++;
                return;
            }

            var userId = await session.UserIdAsync(id, cancellationToken);
            await session.SetUserAttributesAsync(userId, attributes, cancellationToken);
            report.RowsAccepted++;
        }

        /// <summary>
        /// One consent record. A row repeated in the file (same end-user, purpose, state and time) is kept once; the
        /// end-user is created when new, since consent is often recorded before any event.
        /// </summary>
        public async ValueTask ConsentAsync(RawRow row, CancellationToken cancellationToken)
        {
            if (IngestionRules.Id(Cell(row, columns.User), "end-user id", out var user) is { } userProblem)
            {
                report.AddError(row.Line, columns.Name(columns.User), AsReported(user), userProblem);
                return;
            }

            var purposeText = Cell(row, columns.Purpose);
            var stateText = Cell(row, columns.State);
            var timeText = Cell(row, columns.Timestamp);
            var sourceText = Cell(row, columns.Source);
            var noticeText = Cell(row, columns.NoticeVersion);
            var proofText = Cell(row, columns.ProofReference);
            if (!Passes(row, columns.Purpose, purposeText, IngestionRules.ConsentPurpose(purposeText, purposes, out var purpose))
                || !Passes(row, columns.State, stateText, IngestionRules.ConsentState(stateText, out var granted))
                || !Passes(row, columns.Timestamp, timeText, ImportTimestamps.TryParse(timeText, settings.Times, out var at, out var timeProblem) ? null : timeProblem)
                || !Passes(row, columns.Source, sourceText, IngestionRules.ConsentSource(sourceText, settings.Channel, out var source))
                || !Passes(row, columns.NoticeVersion, noticeText, IngestionRules.ConsentText(noticeText, ConsentRecord.NoticeVersionMaxLength, "notice version", out var notice))
                || !Passes(row, columns.ProofReference, proofText, IngestionRules.ConsentText(proofText, ConsentRecord.ProofReferenceMaxLength, "proof reference", out var proof)))
            {
                return;
            }

            if (!_seen.Add(Fingerprint.Combine(Fingerprint.Of(user), Fingerprint.Of(purpose), granted ? 1UL : 0UL, (ulong)at.Ticks)))
            {
                report.RowsDuplicate++;
                return;
            }

            var userId = await session.UserIdAsync(user, cancellationToken);
            await session.AppendConsentAsync(userId, new IngestedConsent(purpose, granted, at, source, notice, proof), cancellationToken);
            report.RowsAccepted++;
        }
        /// <summary>A rejected end-user id as the error list keeps it: not at all when the organisation pseudonymises ids (raw ids are never stored).</summary>
        private string? AsReported(string endUserId) => session.PseudonymisesEndUserIds ? null : endUserId;

        private List<IngestedFact>? Attributes(RawRow row)
        {
            var list = new List<IngestedFact>(columns.Attributes.Count);
            foreach (var (index, map) in columns.Attributes)
            {
                var value = Cell(row, index)?.Trim();
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (IngestionRules.AttributeValue(value) is { } problem)
                {
                    // A sensitive value is stored encrypted or not at all, so the error list does not quote it.
                    report.AddError(row.Line, map.Column, map.Sensitive ? null : value, problem);
                    return null;
                }

                // The key is a column name the mapping step accepted; a header longer than a key may be is cut, not refused row by row.
                var key = map.Column.Trim();
                list.Add(new IngestedFact(key.Length > EndUserAttribute.KeyMaxLength ? key[..EndUserAttribute.KeyMaxLength] : key, value, map.Sensitive, map.QuasiIdentifier));
            }

            return list;
        }

        private bool Passes(RawRow row, int column, string? value, string? problem)
        {
            if (problem is not null)
            {
                report.AddError(row.Line, columns.Name(column), value, problem);
                return false;
            }

            return true;
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

/// <summary>64-bit FNV-1a fingerprints for de-duplication: 8 bytes per row instead of the row.</summary>
internal static class Fingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static ulong Combine(ulong a, ulong b, ulong c, ulong d)
    {
        var hash = Offset;
        foreach (var part in (ReadOnlySpan<ulong>)[a, b, c, d])
        {
            for (var shift = 0; shift < 64; shift += 8)
            {
                hash = (hash ^ ((part >> shift) & 0xFF)) * Prime;
            }
        }

        return hash;
    }
}
