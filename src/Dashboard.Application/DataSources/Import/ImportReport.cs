using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources.Import;

/// <summary>Counts and the first <see cref="ImportRun.MaxStoredErrors"/> problems of one dataset's import.</summary>
public sealed class ImportReport(DatasetKind dataset)
{
    private readonly List<ImportError> _errors = [];

    public DatasetKind Dataset { get; } = dataset;

    public long RowsRead { get; set; }

    public long RowsAccepted { get; set; }

    public long RowsRejected { get; private set; }

    public long RowsDuplicate { get; set; }

    /// <summary>The part of <see cref="RowsDuplicate"/> that the tenant already had before this import.</summary>
    public long RowsAlreadyImported { get; set; }

    public long RowsFilteredAsBots { get; set; }

    public long PlaceholdersCreated { get; set; }

    /// <summary>Why the whole input was refused, if it was.</summary>
    public string? Rejection { get; set; }

    public IReadOnlyList<ImportError> Errors => _errors;

    public void AddError(long line, string? column, string? value, string reason)
    {
        RowsRejected++;
        AddProblem(line, column, value, reason);
    }

    /// <summary>Records a problem that is not a rejected row (the whole file, or a note).</summary>
    public void AddProblem(long line, string? column, string? value, string reason)
    {
        if (_errors.Count >= ImportRun.MaxStoredErrors)
        {
            return;
        }

        _errors.Add(new ImportError
        {
            Line = line,
            Column = Cut(column, ImportError.ColumnMaxLength),
            Value = Cut(value, ImportError.ValueMaxLength),
            Reason = Cut(reason, ImportError.ReasonMaxLength)!,
        });
    }

    /// <summary>A sentence for the import history.</summary>
    public string Summary()
    {
        if (Rejection is not null)
        {
            return Rejection;
        }

        if (RowsAccepted == 0 && RowsAlreadyImported > 0)
        {
            var text = RowsAlreadyImported == RowsRead
                ? $"Nothing new: all {RowsRead:N0} rows were already imported"
                : $"Nothing new: {RowsAlreadyImported:N0} of the {RowsRead:N0} rows were already imported";
            if (RowsRejected > 0)
            {
                text += $" and {RowsRejected:N0} were rejected (see the errors)";
            }

            if (RowsAlreadyImported + RowsRejected < RowsRead)
            {
                text += "; the others repeat rows of the file or come from bot-like users";
            }

            return text + ".";
        }

        var parts = new List<string> { $"Imported {RowsAccepted:N0} of {RowsRead:N0} rows" };
        if (RowsRejected > 0)
        {
            parts.Add($"{RowsRejected:N0} rejected (see the errors)");
        }

        if (RowsDuplicate > 0)
        {
            parts.Add(RowsAlreadyImported > 0
                ? $"{RowsDuplicate:N0} duplicates skipped ({RowsAlreadyImported:N0} already imported before)"
                : $"{RowsDuplicate:N0} duplicates skipped");
        }

        if (RowsFilteredAsBots > 0)
        {
            parts.Add($"{RowsFilteredAsBots:N0} events of bot-like users left out");
        }

        if (PlaceholdersCreated > 0)
        {
            parts.Add($"{PlaceholdersCreated:N0} unknown items created as placeholders");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string? Cut(string? value, int max) => value is { } v && v.Length > max ? v[..(max - 1)] + "…" : value;
}
