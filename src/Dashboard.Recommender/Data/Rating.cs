namespace Dashboard.Recommender.Data;

/// <summary>
/// One observed interaction in dense index space: an explicit rating or an implicit event already
/// turned into a weight. <see cref="Timestamp"/> is Unix seconds, or <see cref="NoTimestamp"/> when the
/// source did not record one (the ML-1M copy here has empty timestamps).
/// </summary>
public readonly record struct Rating(int User, int Item, float Value, long Timestamp = Rating.NoTimestamp)
{
    public const long NoTimestamp = long.MinValue;

    public bool HasTimestamp => Timestamp != NoTimestamp;
}
