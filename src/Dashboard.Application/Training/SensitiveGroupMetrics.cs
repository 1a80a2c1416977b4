namespace Dashboard.Application.Training;

/// <summary>The held-out measures at 10 of the end-users sharing one value of a sensitive attribute (e.g. age band "25-34").</summary>
public sealed record SensitiveGroupMetrics(string Attribute, string Group, int EndUsers, double Precision, double Recall, double Ndcg, double Map);
