using System.Text;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Writes CSV for people who open it in a spreadsheet: cells starting with = + - @ tab or carriage
/// return get a leading apostrophe so they are shown as text, never run as a formula (CSV injection).
/// </summary>
public static class CsvCells
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.IndexOfAny([',', '"', '\n', '\r']) >= 0)
        {
            value = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value;
    }

    public static string Line(params string?[] cells)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Escape(cells[i]));
        }

        return builder.ToString();
    }
}
