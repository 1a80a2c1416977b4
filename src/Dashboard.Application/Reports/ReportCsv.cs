using System.Globalization;
using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;

namespace Dashboard.Application.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as CSV for a spreadsheet (UTF-8 with BOM): one section per heading, each
/// table under its header row, a chart's figures as a table, a blank line between parts. Every cell goes through
/// <see cref="CsvCells"/>, so a purpose or query named like a formula is shown, never run.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        Line(text, document.Title);
        Line(text, "Organisation", document.Organisation);
        Line(text, "Generated", UtcText.Format(document.GeneratedAtUtc));
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    text.Append("\r\n");
                    Line(text, heading.Text);
                    break;
                case ReportParagraph paragraph:
                    Line(text, paragraph.Text);
                    break;
                case ReportTable table:
                    Line(text, [.. table.Columns]);
                    foreach (var row in table.Rows)
                    {
                        Line(text, [.. row]);
                    }

                    if (table.Rows.Count == 0)
                    {
                        Line(text, table.EmptyText);
                    }

                    break;
                case ReportLineChart chart:
                    Line(text, chart.Title);
                    Line(text, ["", .. chart.Series.Select(s => s.Name)]);
                    for (var i = 0; i < chart.Labels.Count; i++)
                    {
                        Line(text, [chart.Labels[i], .. chart.Series.Select(s => s.Values[i].ToString(CultureInfo.InvariantCulture))]);
                    }

                    break;
                case ReportBarChart chart:
                    Line(text, chart.Title);
                    Line(text, ["", .. chart.Series.Select(s => s.Name), .. chart.Threshold is null ? Array.Empty<string>() : [chart.ThresholdLabel ?? "Threshold"]]);
                    for (var i = 0; i < chart.Categories.Count; i++)
                    {
                        Line(text, [chart.Categories[i], .. chart.Series.Select(s => ReportBarChart.Format(s.Values[i])),
                            .. chart.Threshold is { } threshold ? [ReportBarChart.Format(threshold)] : Array.Empty<string>()]);
                    }

                    break;
                default:
                    throw new NotSupportedException($"A report block of type {block.GetType().Name} has no CSV form.");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, params string?[] cells) => text.Append(CsvCells.Line(cells)).Append("\r\n");
}
