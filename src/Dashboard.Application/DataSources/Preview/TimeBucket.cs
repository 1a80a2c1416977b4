namespace Dashboard.Application.DataSources.Preview;

/// <summary>The period one point of <see cref="InteractionHistory"/> counts.</summary>
public enum TimeBucket
{
    Day,
    Week,
    Month,
}
