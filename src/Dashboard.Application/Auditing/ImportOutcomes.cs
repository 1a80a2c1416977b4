namespace Dashboard.Application.Auditing;

/// <summary>The "Outcome" field of an import's audit entry.</summary>
public static class ImportOutcomes
{
    public const string Succeeded = "Imported";
    public const string Rejected = "Rejected";
    public const string Failed = "Failed";
}
