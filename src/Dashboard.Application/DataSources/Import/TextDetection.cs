using System.Text;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Guesses a text file's encoding (a byte-order mark, else UTF-8, else ISO-8859-1) and delimiter (, ; tab |)
/// from its first bytes, and recognises files that are not text at all.
/// </summary>
public static class TextDetection
{
    public const string Utf8 = "utf-8";
    public const string Latin1 = "iso-8859-1";
    public const string Utf16Le = "utf-16le";
    public const string Utf16Be = "utf-16be";
    public static readonly IReadOnlyList<string> Delimiters = [",", ";", "\t", "|"];

    private const int Sample = 64 * 1024;

    /// <summary>The encoding for a web name; UTF-8 throws on invalid bytes so bad files are reported, not garbled.</summary>
    public static Encoding EncodingFor(string name) => name.ToLowerInvariant() switch
    {
        Latin1 or "latin1" => Encoding.Latin1,
        Utf16Le => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        Utf16Be => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
    };

    /// <summary>
    /// Reads up to 64 KB and rewinds: a byte-order mark names the encoding; otherwise strictly valid UTF-8
    /// means UTF-8, anything else ISO-8859-1.
    /// </summary>
    public static string DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[Sample];
        var read = ReadPrefix(stream, buffer);
        stream.Position = 0;
        var prefix = buffer.AsSpan(0, read);
        return ByteOrderMark(prefix) ?? (IsUtf8(prefix, read == buffer.Length) ? Utf8 : Latin1);
    }

    /// <summary>The encoding a byte-order mark at the start of the file names, or null when there is none.</summary>
    public static string? ByteOrderMark(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[3];
        var read = ReadPrefix(stream, buffer);
        stream.Position = 0;
        return ByteOrderMark(buffer.AsSpan(0, read));
    }

    private static string? ByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Utf8,
        [0xFF, 0xFE, ..] => Utf16Le,
        [0xFE, 0xFF, ..] => Utf16Be,
        _ => null,
    };

    /// <summary>
    /// Why the file cannot be read as text, as the end of a sentence ("it looks like a gzip archive"), or
    /// null when it can. Known formats are recognised by their first bytes; any other file with a NUL byte
    /// in its first 64 KB is binary (text in UTF-16 has them too, which is why a byte-order mark comes first).
    /// Reads up to 64 KB and rewinds.
    /// </summary>
    public static string? NotTextReason(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[Sample];
        var read = ReadPrefix(stream, buffer);
        stream.Position = 0;
        var bytes = buffer.AsSpan(0, read);
        if (ByteOrderMark(bytes) is not null)
        {
            return null;
        }

        return bytes switch
        {
            [0x1F, 0x8B, ..] => "it looks like a gzip archive; unpack it and upload the CSV inside",
            [0x50, 0x4B, 0x03 or 0x05 or 0x07, 0x04 or 0x06 or 0x08, ..] =>
                "it looks like a ZIP archive or an Excel workbook (.xlsx); unpack it, or save the sheet as CSV",
            [0x7F, 0x45, 0x4C, 0x46, ..] => "it looks like a program (ELF executable)",
            [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "it looks like a PDF document",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "it looks like a PNG image",
            [0xFF, 0xD8, 0xFF, ..] => "it looks like a JPEG image",
            _ when bytes.Contains((byte)0) =>
                "it contains NUL bytes; if it is UTF-16 text, save it with a byte-order mark or as UTF-8",
            _ => null,
        };
    }

    /// <summary>The encoding's name for people ("UTF-16 (little-endian)").</summary>
    public static string EncodingName(string encoding) => encoding switch
    {
        Latin1 => "ISO-8859-1 (Latin-1)",
        Utf16Le => "UTF-16 (little-endian)",
        Utf16Be => "UTF-16 (big-endian)",
        _ => "UTF-8",
    };

    /// <summary>
    /// Why the file was read in <paramref name="encoding"/>, in words: a guess that falls back to Latin-1
    /// changes how accented letters read, so it is said plainly rather than left to a caption.
    /// </summary>
    public static string EncodingReason(string encoding, bool chosen, bool byteOrderMark)
    {
        if (byteOrderMark)
        {
            return $"Read as {EncodingName(encoding)} because the file starts with a byte-order mark saying so.";
        }

        if (chosen)
        {
            return $"Read as {EncodingName(encoding)}, the encoding chosen for this source.";
        }

        return encoding == Latin1
            ? "Read as ISO-8859-1 (Latin-1) because the file is not valid UTF-8. If accented letters look wrong, save the file as UTF-8 and upload it again."
            : "Read as UTF-8 (every byte in the first 64 KB is valid UTF-8).";
    }

    internal static bool IsUtf8(ReadOnlySpan<byte> bytes, bool truncated)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return true;
        }

        // A multi-byte character cut by the sample's end is not an error: drop up to 3 trailing bytes.
        for (var cut = 0; cut <= (truncated ? 3 : 0) && cut <= bytes.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The delimiter that occurs most often outside quotes in <paramref name="headerLine"/>; a comma when none does.</summary>
    public static string DetectDelimiter(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        var counts = new int[Delimiters.Count];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (!quoted)
            {
                for (var d = 0; d < Delimiters.Count; d++)
                {
                    if (c == Delimiters[d][0])
                    {
                        counts[d]++;
                    }
                }
            }
        }

        var best = 0;
        for (var d = 1; d < counts.Length; d++)
        {
            if (counts[d] > counts[best])
            {
                best = d;
            }
        }

        return counts[best] == 0 ? "," : Delimiters[best];
    }

    /// <summary>Reads the first line (up to 64 KB) of a stream in an encoding, then rewinds.</summary>
    public static string FirstLine(Stream stream, string encoding)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[Sample];
        var read = ReadPrefix(stream, buffer);
        stream.Position = 0;
        var text = encoding switch
        {
            Utf8 => new UTF8Encoding(false, false).GetString(buffer, 0, read),
            Utf16Le => new UnicodeEncoding(false, false, false).GetString(buffer, 0, read & ~1),
            Utf16Be => new UnicodeEncoding(true, false, false).GetString(buffer, 0, read & ~1),
            _ => Encoding.Latin1.GetString(buffer, 0, read),
        };

        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).TrimStart('\uFEFF');
    }

    public static string DelimiterName(string delimiter) => delimiter switch
    {
        "\t" => "tab",
        ";" => "semicolon",
        "|" => "pipe",
        "::" => "double colon",
        _ => "comma",
    };

    private static int ReadPrefix(Stream stream, byte[] buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        return total;
    }
}
