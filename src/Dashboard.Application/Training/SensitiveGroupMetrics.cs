namespace Dashboard.Application.Training;

/// <summary>
/// The held-out measures at 10 of the end-users sharing one value of a sensitive attribute (e.g. age band "25-34").
/// <see cref="EndUsers"/> is <see cref="Withheld"/> in listings for people who may not see exact group sizes; they get
/// them under differential privacy from <see cref="ModelVersionService.GroupSizesAsync"/>.
/// </summary>
public sealed record SensitiveGroupMetrics(string Attribute, string Group, int EndUsers, double Precision, double Recall, double Ndcg, double Map)
{
    public const int Withheld = -1;
}
