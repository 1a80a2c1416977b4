using System.Text;

namespace Dashboard.Application.DataSources.Import;

/// <summary>Guesses a text file's encoding (UTF-8 or ISO-8859-1) and delimiter (, ; tab |) from its first bytes.</summary>
public static class TextDetection
{
    public const string Utf8 = "utf-8";
    public const string Latin1 = "iso-8859-1";
    public static readonly IReadOnlyList<string> Delimiters = [",", ";", "\t", "|"];

    private const int Sample = 64 * 1024;

    /// <summary>The encoding for a web name; UTF-8 throws on invalid bytes so bad files are reported, not garbled.</summary>
    public static Encoding EncodingFor(string name) =>
        string.Equals(name, Latin1, StringComparison.OrdinalIgnoreCase) || string.Equals(name, "latin1", StringComparison.OrdinalIgnoreCase)
            ? Encoding.Latin1
            : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads up to 64 KB and rewinds: a UTF-8 BOM or strictly valid UTF-8 means UTF-8, anything else ISO-8859-1.</summary>
    public static string DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[Sample];
        var read = ReadPrefix(stream, buffer);
        stream.Position = 0;
        return IsUtf8(buffer.AsSpan(0, read), read == buffer.Length) ? Utf8 : Latin1;
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
        var text = Encoding.Latin1.GetString(buffer, 0, read);
        if (encoding == Utf8)
        {
            text = new UTF8Encoding(false, false).GetString(buffer, 0, read);
        }

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
