using Dashboard.Application.Common;
using Dashboard.Application.Reports;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Dashboard.Infrastructure.Reports;

/// <summary>
/// Writes any <see cref="ReportDocument"/> as an A4 PDF with PDFsharp: the title, organisation and date on top,
/// headings, wrapped paragraphs, tables whose header repeats on each page, line charts drawn with their own axis
/// and legend, horizontal bar charts with their threshold line, and "page n of m" at the foot of every page. Reports of other features reuse it by building a
/// <see cref="ReportDocument"/>.
/// </summary>
internal sealed class PdfReportWriter : IReportPdfWriter
{
    private static readonly Lock FontSetUp = new();

    public PdfReportWriter()
    {
        // PDFsharp's font resolver is process-wide and may be set only once, before the first font is used.
        lock (FontSetUp)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
        }
    }

    public byte[] Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{document.Title} — {document.Organisation}";
        pdf.Info.Author = document.Organisation;
        pdf.Info.CreationDate = document.GeneratedAtUtc;

        var layout = new PdfLayout(pdf);
        layout.Title(document.Title, $"{document.Organisation} · {UtcText.Format(document.GeneratedAtUtc)}");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    layout.Heading(heading.Text);
                    break;
                case ReportParagraph paragraph:
                    layout.Paragraph(paragraph.Text);
                    break;
                case ReportTable table:
                    layout.Table(table);
                    break;
                case ReportLineChart chart:
                    layout.Chart(chart);
                    break;
                case ReportBarChart chart:
                    layout.BarChart(chart);
                    break;
                default:
                    throw new NotSupportedException($"A report block of type {block.GetType().Name} has no PDF form.");
            }
        }

        layout.Finish($"{document.Title} · {document.Organisation}");
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
