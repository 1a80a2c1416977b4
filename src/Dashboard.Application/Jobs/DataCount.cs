using System.Globalization;

namespace Dashboard.Application.Jobs;

/// <summary>How many of one kind of record (end-users, items, interactions) are stored.</summary>
public sealed record DataCount(string What, long Count)
{
    public override string ToString() => $"{Count.ToString("N0", CultureInfo.InvariantCulture)} {What}";
}
