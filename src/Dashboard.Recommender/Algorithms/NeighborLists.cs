namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Per-entity neighbour lists in CSR form, each list sorted by similarity, most similar first.
/// </summary>
internal sealed class NeighborLists(int[] pointers, int[] neighbors, float[] similarities)
{
    public int[] Pointers { get; } = pointers;

    public int[] Neighbors { get; } = neighbors;

    public float[] Similarities { get; } = similarities;

    public int Count => Pointers.Length - 1;

    public ReadOnlySpan<int> NeighborsOf(int entity) =>
        Neighbors.AsSpan(Pointers[entity], Pointers[entity + 1] - Pointers[entity]);

    public ReadOnlySpan<float> SimilaritiesOf(int entity) =>
        Similarities.AsSpan(Pointers[entity], Pointers[entity + 1] - Pointers[entity]);

    public void Write(BinaryWriter writer)
    {
        ModelFormat.WriteArray(writer, Pointers);
        ModelFormat.WriteArray(writer, Neighbors);
        ModelFormat.WriteArray(writer, Similarities);
    }

    public static NeighborLists Read(BinaryReader reader)
    {
        var pointers = ModelFormat.ReadInts(reader);
        var neighbors = ModelFormat.ReadInts(reader);
        var similarities = ModelFormat.ReadFloats(reader);
        if (pointers.Length == 0 || pointers[^1] != neighbors.Length || neighbors.Length != similarities.Length)
        {
            throw new InvalidDataException("Corrupt model: neighbour lists are inconsistent.");
        }

        return new NeighborLists(pointers, neighbors, similarities);
    }
}
