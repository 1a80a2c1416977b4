using System.Text;
using CsvHelper;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Streams a delimited text file with CsvHelper (RFC 4180 quoting, or none for MovieLens). A record is
/// capped at <see cref="MaxRecordBytes"/> so a never-closed quote or a giant value cannot fill memory;
/// unreadable input becomes an <see cref="ImportInputException"/> with the line number. Malformed rows
/// (a quote in the wrong place) are returned with <see cref="RawRow.Malformed"/> set so they are reported.
/// </summary>
public sealed class DelimitedFileReader : ITabularReader
{
    /// <summary>The largest row we read: 1 MB of text. Fields stored are far smaller (at most 512 characters).</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>"::" (MovieLens 1M) is read as ':' and the fields joined back; CsvHelper separators are one character.</summary>
    public const string DoubleColon = "::";

    private readonly Stream _stream;
    private readonly CsvReader _csv;
    private readonly bool _doubleColon;
    private readonly Queue<(long Line, string Reason)> _malformed = new();

    private DelimitedFileReader(Stream stream, string encoding, string delimiter, bool quoting, string[]? fixedHeader)
    {
        _stream = stream;
        _doubleColon = delimiter == DoubleColon;
        var text = new StreamReader(stream, TextDetection.EncodingFor(encoding), detectEncodingFromByteOrderMarks: encoding != TextDetection.Latin1, bufferSize: 64 * 1024);
        var options = new CsvReaderOptions
        {
            Separator = _doubleColon ? ':' : delimiter[0],
            HasHeader = fixedHeader is null,
            Mode = quoting ? CsvMode.Rfc4180 : CsvMode.NoEscape,
            MaxRecordSize = MaxRecordBytes,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => _malformed.Enqueue((record.LineNumber, Describe(record.Reason))),
        };
        _csv = CsvReader.Create(text, options, leaveOpen: false);
        Delimiter = delimiter;
        Encoding = encoding;
        Header = fixedHeader ?? [];
    }

    public IReadOnlyList<string> Header { get; private set; }

    public string Delimiter { get; }

    public string Encoding { get; }

    /// <summary>Why the file was read in <see cref="Encoding"/>, in a sentence for the person mapping it.</summary>
    public string EncodingReason { get; private set; } = string.Empty;

    public double Fraction => _stream.CanSeek && _stream.Length > 0 ? Math.Clamp((double)_stream.Position / _stream.Length, 0, 1) : 0;

    /// <summary>
    /// Opens a seekable <paramref name="stream"/> with a chosen or detected encoding and delimiter, and
    /// reads the header unless <paramref name="fixedHeader"/> names the columns (headerless formats).
    /// The reader owns the stream.
    /// </summary>
    public static async Task<DelimitedFileReader> OpenAsync(
        Stream stream, string? encoding, string? delimiter, bool quoting = true, string[]? fixedHeader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.Length == 0)
        {
            await stream.DisposeAsync();
            throw new ImportInputException("The file is empty.", ImportError.WholeInput);
        }

        if (TextDetection.NotTextReason(stream) is { } notText)
        {
            await stream.DisposeAsync();
            throw new ImportInputException($"The file is not a text file ({notText}).", ImportError.WholeInput);
        }

        // A byte-order mark is the file saying what it is, so it wins over a guess and over a choice.
        var byteOrderMark = TextDetection.ByteOrderMark(stream);
        var chosen = !string.IsNullOrWhiteSpace(encoding);
        encoding = byteOrderMark ?? (chosen ? encoding!.ToLowerInvariant() : TextDetection.DetectEncoding(stream));
        delimiter = string.IsNullOrEmpty(delimiter) ? TextDetection.DetectDelimiter(TextDetection.FirstLine(stream, encoding)) : delimiter;
        var reader = new DelimitedFileReader(stream, encoding, delimiter, quoting, fixedHeader)
        {
            EncodingReason = TextDetection.EncodingReason(encoding, chosen, byteOrderMark is not null),
        };
        if (fixedHeader is null)
        {
            try
            {
                await reader.Guard(async () => { await reader._csv.ReadHeaderAsync(cancellationToken); return true; }, 1);
                reader.Header = [.. reader._csv.Headers.Select((c, i) => string.IsNullOrWhiteSpace(c) ? $"column {i + 1}" : c.Trim().TrimStart('\uFEFF'))];
            }
            catch
            {
                await reader.DisposeAsync();
                throw;
            }

            if (reader.Header.Count == 0)
            {
                await reader.DisposeAsync();
                throw new ImportInputException("The file is empty.", ImportError.WholeInput);
            }
        }

        return reader;
    }

    public async ValueTask<RawRow?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_malformed.TryDequeue(out var pending))
        {
            return new RawRow(pending.Line, [], pending.Reason);
        }

        var more = await Guard(async () => await _csv.ReadAsync(cancellationToken), LastLine + 1);
        if (_malformed.TryDequeue(out var bad))
        {
            // The skipped record comes before the one just read; hand that one out next time.
            if (more)
            {
                _held = Current();
            }

            return new RawRow(bad.Line, [], bad.Reason);
        }

        if (_held is { } held)
        {
            _held = null;
            return held;
        }

        return more ? Current() : null;
    }

    private RawRow? _held;

    private long LastLine { get; set; }

    private RawRow Current()
    {
        LastLine = _csv.LineNumber;
        var cells = new string?[_csv.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = _csv.GetString(i);
        }

        if (_doubleColon)
        {
            cells = string.Join(':', cells).Split(DoubleColon);
        }

        return new RawRow(LastLine, cells);
    }

    private async Task<T> Guard<T>(Func<Task<T>> read, long line)
    {
        try
        {
            return await read();
        }
        catch (DecoderFallbackException ex)
        {
            throw new ImportInputException(Encoding == TextDetection.Utf8
                ? $"The file is not valid UTF-8 (near line {line:N0}). Save it as UTF-8, or choose the encoding ISO-8859-1 (Latin-1) for this source."
                : $"The file is not valid {TextDetection.EncodingName(Encoding)} (near line {line:N0}), though it starts with a byte-order mark saying so. Save it again as UTF-8.", line, ex);
        }
        catch (CsvFormatException ex)
        {
            var at = ex.LineNumber > 0 ? ex.LineNumber : line;
            throw new ImportInputException(
                $"Line {at:N0} is longer than {MaxRecordBytes / 1024:N0} KB or cannot be read. Usually a quote (\") is opened and never closed; fix that line and upload the file again.",
                at,
                ex);
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quote (\") opened on this line is never closed, so the rest of the file reads as one value. Close or remove the quote.",
        CsvMalformedReason.StrayQuote => "A quote (\") stands inside a value that is not quoted. Quote the whole value and double the inner quote (\"\").",
        CsvMalformedReason.TextAfterClosingQuote => "There is text after a closing quote (\"). Quote the whole value and double the inner quote (\"\").",
        _ => "This line cannot be read.",
    };

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
