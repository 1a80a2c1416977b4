using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Dashboard.Infrastructure.Reports;

/// <summary>
/// Gives PDFsharp its fonts from this assembly: DejaVu Sans, regular and bold (Bitstream Vera licence, see
/// Fonts/LICENSE-DejaVu.txt). PDFsharp on Linux finds no fonts by itself, and the runtime container image ships
/// none, so the report's look does not depend on what a server happens to have installed. Every family asked for
/// is answered with DejaVu Sans; italic is simulated.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"Dashboard.Infrastructure.Reports.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(EmbeddedFontResolver).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
