using System.Globalization;
using Dashboard.Application.Reports;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dashboard.Infrastructure.Reports;

/// <summary>Flows report blocks down A4 pages, starting a new page whenever the next line or row would not fit.</summary>
internal sealed class PdfLayout
{
    private const double Margin = 50;
    private const double FooterHeight = 24;
    private const double CellPadding = 3;

    private static readonly XFont TitleFont = new(EmbeddedFontResolver.Family, 20, XFontStyleEx.Bold);
    private static readonly XFont HeadingFont = new(EmbeddedFontResolver.Family, 13, XFontStyleEx.Bold);
    private static readonly XFont BodyFont = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
    private static readonly XFont CellFont = new(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular);
    private static readonly XFont CellBoldFont = new(EmbeddedFontResolver.Family, 8, XFontStyleEx.Bold);
    private static readonly XFont SmallFont = new(EmbeddedFontResolver.Family, 7, XFontStyleEx.Regular);

    /// <summary>Colours that stay apart in print and for common colour blindness (Okabe–Ito).</summary>
    private static readonly XColor[] SeriesColours =
    [
        XColor.FromArgb(0, 114, 178), XColor.FromArgb(230, 159, 0), XColor.FromArgb(0, 158, 115),
        XColor.FromArgb(204, 121, 167), XColor.FromArgb(213, 94, 0), XColor.FromArgb(86, 180, 233), XColor.FromArgb(0, 0, 0),
    ];

    /// <summary>A threshold line: dark red, apart from every series colour.</summary>
    private static readonly XColor ThresholdColour = XColor.FromArgb(190, 30, 45);

    private readonly PdfDocument _pdf;
    private XGraphics _graphics = null!;
    private PdfPage _page = null!;
    private double _y;

    public PdfLayout(PdfDocument pdf)
    {
        _pdf = pdf;
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin - FooterHeight;

    public void Title(string title, string byline)
    {
        Line(title, TitleFont, XBrushes.Black);
        _y += 4;
        Line(byline, BodyFont, XBrushes.DimGray);
        _y += 10;
    }

    public void Heading(string text)
    {
        // A heading at the foot of a page, with its section on the next, reads as if the section were empty.
        EnsureRoom(HeadingFont.GetHeight() + 60);
        _y += 10;
        Line(text, HeadingFont, XBrushes.Black);
        _y += 4;
    }

    public void Paragraph(string text)
    {
        foreach (var line in Wrap(text, BodyFont, Width))
        {
            Line(line, BodyFont, XBrushes.Black);
        }

        _y += 4;
    }

    public void Table(ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            Paragraph(table.EmptyText);
            return;
        }

        var widths = ColumnWidths(table);
        var rows = table.Rows.Select(r => RowHeight(r, widths, CellFont)).ToArray();
        // The header goes with at least its first two rows, so it never sits alone at a page's foot.
        EnsureRoom(RowHeight(table.Columns, widths, CellBoldFont) + rows.Take(2).Sum());
        DrawRow(table.Columns, widths, CellBoldFont, header: true);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            // The last row does not go over to a page of its own: the one before it goes with it.
            var needed = i > 0 && i == rows.Length - 2 ? rows[i] + rows[i + 1] : rows[i];
            if (i > 0 && _y + needed > Bottom)
            {
                NewPage();
                DrawRow(table.Columns, widths, CellBoldFont, header: true);
            }

            if (!DrawRow(table.Rows[i], widths, CellFont, header: false))
            {
                NewPage();
                DrawRow(table.Columns, widths, CellBoldFont, header: true);
                DrawRow(table.Rows[i], widths, CellFont, header: false);
            }
        }

        _y += 8;
    }

    public void Chart(ReportLineChart chart)
    {
        const double plotHeight = 170;
        const double axisWidth = 44;
        var legendRows = (chart.Series.Count + 2) / 3;
        EnsureRoom(BodyFont.GetHeight() + plotHeight + 24 + (legendRows * 14));
        Line(chart.Title, CellBoldFont, XBrushes.Black);
        _y += 4;

        var max = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var step = NiceStep(max);
        var top = Math.Max(step, Math.Ceiling(max / step) * step);
        var left = Margin + axisWidth;
        var plotWidth = Width - axisWidth;
        var plotTop = _y;
        var plotBottom = _y + plotHeight;

        for (var tick = 0.0; tick <= top + (step / 2); tick += step)
        {
            var y = plotBottom - (tick / top * plotHeight);
            _graphics.DrawLine(new XPen(XColors.LightGray, 0.5), left, y, left + plotWidth, y);
            var label = tick.ToString("N0", CultureInfo.InvariantCulture);
            var size = _graphics.MeasureString(label, SmallFont);
            _graphics.DrawString(label, SmallFont, XBrushes.DimGray, left - size.Width - 4, y + (size.Height / 3));
        }

        _graphics.DrawLine(new XPen(XColors.Gray, 0.8), left, plotTop, left, plotBottom);
        _graphics.DrawLine(new XPen(XColors.Gray, 0.8), left, plotBottom, left + plotWidth, plotBottom);

        var count = chart.Labels.Count;
        double X(int i) => count <= 1 ? left + (plotWidth / 2) : left + (i * plotWidth / (count - 1));
        var drawnUpTo = double.NegativeInfinity;
        foreach (var i in LabelPositions(count))
        {
            var label = chart.Labels[i];
            var size = _graphics.MeasureString(label, SmallFont);
            var x = Math.Clamp(X(i) - (size.Width / 2), left, left + plotWidth - size.Width);
            // The last label is pushed inside the plot's right edge and can meet the one before it: skip rather than overlap.
            if (x < drawnUpTo + 6)
            {
                continue;
            }

            _graphics.DrawString(label, SmallFont, XBrushes.DimGray, x, plotBottom + size.Height + 2);
            drawnUpTo = x + size.Width;
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var pen = new XPen(SeriesColours[s % SeriesColours.Length], 1.6);
            var values = chart.Series[s].Values;
            var points = values.Select((v, i) => new XPoint(X(i), plotBottom - (v / top * plotHeight))).ToArray();
            if (points.Length == 1)
            {
                _graphics.DrawEllipse(new XSolidBrush(pen.Color), points[0].X - 2, points[0].Y - 2, 4, 4);
            }
            else if (points.Length > 1)
            {
                _graphics.DrawLines(pen, points);
            }
        }

        _y = plotBottom + 20;
        var legendX = left;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            if (s > 0 && s % 3 == 0)
            {
                _y += 14;
                legendX = left;
            }

            var colour = SeriesColours[s % SeriesColours.Length];
            _graphics.DrawRectangle(new XSolidBrush(colour), legendX, _y - 7, 10, 6);
            _graphics.DrawString(chart.Series[s].Name, CellFont, XBrushes.Black, legendX + 14, _y);
            legendX += plotWidth / 3;
        }

        _y += 16;
    }

    /// <summary>
    /// Horizontal bars, one row per category (its label on the left, one bar per series, the figure at the bar's end)
    /// so that even twenty groups keep readable labels; the threshold is a dashed line across the rows. Rows that do
    /// not fit continue on the next page with the axis drawn again.
    /// </summary>
    public void BarChart(ReportBarChart chart)
    {
        const double barHeight = 9;
        const double rowGap = 5;
        const double axisHeight = 14;
        const double valueWidth = 34;
        var rowHeight = (Math.Max(1, chart.Series.Count) * barHeight) + rowGap;
        // A long title is wrapped rather than run off the page's right edge.
        var title = Wrap(chart.Title, CellBoldFont, Width);
        EnsureRoom((title.Count * CellBoldFont.GetHeight()) + 4 + (Math.Min(chart.Categories.Count, 3) * rowHeight) + axisHeight + 16);
        foreach (var line in title)
        {
            Line(line, CellBoldFont, XBrushes.Black);
        }

        _y += 4;
        if (chart.Categories.Count == 0)
        {
            Paragraph("No figures.");
            return;
        }

        // A little room above the largest figure or the threshold, so neither sits on the plot's edge.
        var max = chart.Series.SelectMany(s => s.Values).Where(double.IsFinite).Append(chart.Threshold ?? 0).Max() * 1.05;
        var step = FractionStep(max);
        var top = Math.Max(step, Math.Ceiling((max / step) - 1e-9) * step);
        var labelWidth = Math.Min(Width * 0.3, chart.Categories.Max(c => _graphics.MeasureString(c, CellFont).Width) + 8);
        var left = Margin + labelWidth;
        var plotWidth = Width - labelWidth - valueWidth;
        double X(double value) => left + (Math.Clamp(value, 0, top) / top * plotWidth);
        var thresholdPen = new XPen(ThresholdColour, 1.2) { DashStyle = XDashStyle.Dash };

        var next = 0;
        while (next < chart.Categories.Count)
        {
            if (_y + rowHeight + axisHeight > Bottom)
            {
                NewPage();
            }

            var rows = Math.Min(chart.Categories.Count - next, Math.Max(1, (int)((Bottom - _y - axisHeight) / rowHeight)));
            var plotTop = _y;
            var plotBottom = _y + (rows * rowHeight);
            for (var tick = 0.0; tick <= top + (step / 2); tick += step)
            {
                var x = X(tick);
                _graphics.DrawLine(new XPen(XColors.LightGray, 0.5), x, plotTop, x, plotBottom);
                var label = tick.ToString("0.##", CultureInfo.InvariantCulture);
                var size = _graphics.MeasureString(label, SmallFont);
                _graphics.DrawString(label, SmallFont, XBrushes.DimGray, x - (size.Width / 2), plotBottom + size.Height + 1);
            }

            _graphics.DrawLine(new XPen(XColors.Gray, 0.8), left, plotTop, left, plotBottom);
            for (var r = 0; r < rows; r++)
            {
                var rowTop = plotTop + (r * rowHeight) + (rowGap / 2);
                var category = Shorten(chart.Categories[next + r], CellFont, labelWidth - 6);
                var barsHeight = rowHeight - rowGap;
                _graphics.DrawString(category, CellFont, XBrushes.Black, Margin, rowTop + (barsHeight / 2) + (CellFont.GetHeight() * 0.3));
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var value = chart.Series[s].Values[next + r];
                    var y = rowTop + (s * barHeight);
                    if (!double.IsFinite(value))
                    {
                        _graphics.DrawString("not defined", SmallFont, XBrushes.DimGray, left + 3, y + barHeight - 2);
                        continue;
                    }

                    var end = X(value);
                    _graphics.DrawRectangle(new XSolidBrush(SeriesColours[s % SeriesColours.Length]), left, y, Math.Max(0.5, end - left), barHeight - 1.5);
                    _graphics.DrawString(ReportBarChart.Format(value), SmallFont, XBrushes.Black, end + 3, y + barHeight - 2);
                }
            }

            if (chart.Threshold is { } threshold)
            {
                _graphics.DrawLine(thresholdPen, X(threshold), plotTop - 2, X(threshold), plotBottom);
            }

            _y = plotBottom + axisHeight;
            next += rows;
        }

        BarLegend(chart, left, thresholdPen);
    }

    /// <summary>Draws "page n of m" on every page; call once, after the last block.</summary>
    public void Finish(string footer)
    {
        _graphics.Dispose();
        for (var i = 0; i < _pdf.PageCount; i++)
        {
            var page = _pdf.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 6;
            graphics.DrawString(footer, SmallFont, XBrushes.DimGray, Margin, y);
            var number = $"page {i + 1} of {_pdf.PageCount}";
            var size = graphics.MeasureString(number, SmallFont);
            graphics.DrawString(number, SmallFont, XBrushes.DimGray, page.Width.Point - Margin - size.Width, y);
        }
    }

    /// <summary>First, last and about six evenly spaced labels between, so dates never overlap.</summary>
    private static IEnumerable<int> LabelPositions(int count)
    {
        if (count == 0)
        {
            return [];
        }

        var every = Math.Max(1, (int)Math.Ceiling(count / 7.0));
        return Enumerable.Range(0, count).Where(i => i == count - 1 || (i % every == 0 && count - 1 - i >= every / 2.0));
    }

    private void BarLegend(ReportBarChart chart, double left, XPen thresholdPen)
    {
        var entries = chart.Series.Count > 1 ? chart.Series.Count : 0;
        if (entries == 0 && chart.Threshold is null)
        {
            _y += 8;
            return;
        }

        EnsureRoom(16);
        _y += 8;
        var x = left;
        for (var s = 0; s < entries; s++)
        {
            _graphics.DrawRectangle(new XSolidBrush(SeriesColours[s % SeriesColours.Length]), x, _y - 7, 10, 6);
            _graphics.DrawString(chart.Series[s].Name, CellFont, XBrushes.Black, x + 14, _y);
            x += 14 + _graphics.MeasureString(chart.Series[s].Name, CellFont).Width + 16;
        }

        if (chart.Threshold is { } threshold)
        {
            var label = chart.ThresholdLabel ?? $"threshold {threshold.ToString("0.##", CultureInfo.InvariantCulture)}";
            _graphics.DrawLine(thresholdPen, x, _y - 4, x + 16, _y - 4);
            _graphics.DrawString(label, CellFont, XBrushes.Black, x + 20, _y);
        }

        _y += 14;
    }

    /// <summary>The smallest step of 1, 2, 2.5 or 5 times a power of ten that reaches <paramref name="max"/> in at most six ticks, also below 1.</summary>
    private static double FractionStep(double max)
    {
        if (!double.IsFinite(max) || max <= 0)
        {
            return 0.2;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max / 6)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(step => Math.Ceiling((max / step) - 1e-9) <= 6);
    }

    private string Shorten(string text, XFont font, double width)
    {
        if (_graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && _graphics.MeasureString(text[..cut] + "…", font).Width > width)
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    private static double NiceStep(double max)
    {
        if (!double.IsFinite(max) || max <= 5)
        {
            return 1;
        }

        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>
    /// Each column gets its natural width; when the row is too wide, every column keeps at least its longest word (so
    /// headers and references are not broken mid-word) and the rest of the page width is shared in proportion to what
    /// each column wants beyond that. Only when the longest words alone do not fit are words broken.
    /// </summary>
    private double[] ColumnWidths(ReportTable table)
    {
        var natural = new double[table.Columns.Count];
        var minimum = new double[table.Columns.Count];
        for (var c = 0; c < natural.Length; c++)
        {
            var widest = _graphics.MeasureString(table.Columns[c], CellBoldFont).Width;
            var longestWord = LongestWord(table.Columns[c], CellBoldFont);
            foreach (var row in table.Rows)
            {
                var cell = c < row.Count ? row[c] : string.Empty;
                widest = Math.Max(widest, _graphics.MeasureString(cell, CellFont).Width);
                longestWord = Math.Max(longestWord, LongestWord(cell, CellFont));
            }

            minimum[c] = longestWord + (2 * CellPadding);
            natural[c] = Math.Max(minimum[c], Math.Min(widest, Width / 2) + (2 * CellPadding));
        }

        var total = natural.Sum();
        if (total <= Width)
        {
            return natural;
        }

        var minimumTotal = minimum.Sum();
        if (minimumTotal >= Width)
        {
            return [.. minimum.Select(m => m * Width / minimumTotal)];
        }

        var wanted = total - minimumTotal;
        return [.. minimum.Select((m, c) => m + ((natural[c] - m) * (Width - minimumTotal) / wanted))];
    }

    private double LongestWord(string text, XFont font) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => _graphics.MeasureString(w, font).Width).DefaultIfEmpty(0).Max();

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        (widths.Select((w, c) => Wrap(c < cells.Count ? cells[c] : string.Empty, font, w - (2 * CellPadding)).Count).Max() * font.GetHeight()) + (2 * CellPadding);

    /// <summary>Draws one row, its cells wrapped; false (nothing drawn) when it would not fit on the page.</summary>
    private bool DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
    {
        var wrapped = widths.Select((w, c) => Wrap(c < cells.Count ? cells[c] : string.Empty, font, w - (2 * CellPadding))).ToArray();
        var lineHeight = font.GetHeight();
        var height = (wrapped.Max(w => w.Count) * lineHeight) + (2 * CellPadding);
        if (_y + height > Bottom)
        {
            return false;
        }

        var total = widths.Sum();
        if (header)
        {
            _graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 242)), Margin, _y, total, height);
        }

        var x = Margin;
        for (var c = 0; c < widths.Length; c++)
        {
            var y = _y + CellPadding + lineHeight - font.GetHeight() * 0.22;
            foreach (var line in wrapped[c])
            {
                _graphics.DrawString(line, font, XBrushes.Black, x + CellPadding, y);
                y += lineHeight;
            }

            x += widths[c];
        }

        _y += height;
        _graphics.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y, Margin + total, _y);
        return true;
    }

    private void Line(string text, XFont font, XBrush brush)
    {
        var height = font.GetHeight();
        EnsureRoom(height);
        _graphics.DrawString(text, font, brush, Margin, _y + (height * 0.78));
        _y += height;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _pdf.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>, at spaces, or inside a word longer than a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (_graphics.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > 1 && _graphics.MeasureString(current, font).Width > width)
            {
                var fit = current.Length - 1;
                while (fit > 1 && _graphics.MeasureString(current[..fit], font).Width > width)
                {
                    fit--;
                }

                lines.Add(current[..fit]);
                current = current[fit..];
            }
        }

        lines.Add(current);
        return lines;
    }
}
