namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// All-pairs similarity on sparse data without touching non-co-occurring pairs: for entity a, walk its
/// entries (a, o), then every other entity b that also has o, accumulating the dot product (and, for
/// Pearson, the co-rated squared norms) in per-thread dense buffers. Cost is Σ_o deg(o)², not
/// entities². Entities are items for item-kNN (o = users) and users for user-kNN (o = items).
/// </summary>
internal static class SparseSimilarity
{
    /// <param name="rowPtr">Entity → entries (CSR over entities).</param>
    /// <param name="rowIdx">Other-dimension index of each entry.</param>
    /// <param name="rowVal">Transformed value of each entry (centred as the metric requires).</param>
    /// <param name="colPtr">Other dimension → entries (the transpose).</param>
    /// <param name="colIdx">Entity index of each transposed entry.</param>
    /// <param name="colVal">Transformed value of each transposed entry.</param>
    /// <param name="coRatedNorms">True for Pearson (norms over co-rated entries); false uses full-vector norms.</param>
    public static NeighborLists Compute(
        int[] rowPtr, int[] rowIdx, float[] rowVal,
        int[] colPtr, int[] colIdx, float[] colVal,
        bool coRatedNorms, double shrinkage, int minSupport, int keep,
        IProgress<double>? progress, double progressFrom, double progressTo, CancellationToken cancellationToken)
    {
        var entities = rowPtr.Length - 1;
        var fullNorm = new double[entities];
        for (var a = 0; a < entities; a++)
        {
            double s = 0;
            for (var k = rowPtr[a]; k < rowPtr[a + 1]; k++)
            {
                s += (double)rowVal[k] * rowVal[k];
            }

            fullNorm[a] = Math.Sqrt(s);
        }

        var lists = new (int[] Idx, float[] Sim)[entities];
        var done = 0;
        var reportEvery = Math.Max(1, entities / 50);
        Parallel.For(
            0,
            entities,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new Buffers(entities),
            (a, _, buf) =>
            {
                var touchedCount = 0;
                for (var k = rowPtr[a]; k < rowPtr[a + 1]; k++)
                {
                    var o = rowIdx[k];
                    var va = rowVal[k];
                    for (var m = colPtr[o]; m < colPtr[o + 1]; m++)
                    {
                        var b = colIdx[m];
                        if (b == a)
                        {
                            continue;
                        }

                        if (buf.Support[b]++ == 0)
                        {
                            buf.Touched[touchedCount++] = b;
                        }

                        var vb = colVal[m];
                        buf.Dot[b] += va * vb;
                        if (coRatedNorms)
                        {
                            buf.NormA[b] += va * va;
                            buf.NormB[b] += vb * vb;
                        }
                    }
                }

                var kept = 0;
                for (var t = 0; t < touchedCount; t++)
                {
                    var b = buf.Touched[t];
                    var n = buf.Support[b];
                    var denominator = coRatedNorms ? Math.Sqrt((double)buf.NormA[b] * buf.NormB[b]) : fullNorm[a] * fullNorm[b];
                    if (n >= minSupport && denominator > 0)
                    {
                        var sim = Similarity.Shrink(buf.Dot[b] / denominator, n, shrinkage);
                        if (sim > 0)
                        {
                            buf.Candidates[kept++] = ((float)-sim, b);
                        }
                    }

                    buf.Support[b] = 0;
                    buf.Dot[b] = 0;
                    buf.NormA[b] = 0;
                    buf.NormB[b] = 0;
                }

                // Negated similarity first, then index: ascending order is most similar first with
                // deterministic ties, so the model does not depend on thread scheduling.
                var candidates = buf.Candidates.AsSpan(0, kept);
                candidates.Sort();
                var size = Math.Min(kept, keep);
                var ids = new int[size];
                var sims = new float[size];
                for (var i = 0; i < size; i++)
                {
                    sims[i] = -candidates[i].NegatedSimilarity;
                    ids[i] = candidates[i].Entity;
                }

                lists[a] = (ids, sims);
                if (Interlocked.Increment(ref done) % reportEvery == 0)
                {
                    progress?.Report(progressFrom + ((progressTo - progressFrom) * Volatile.Read(ref done) / entities));
                }

                return buf;
            },
            _ => { });

        var pointers = new int[entities + 1];
        for (var a = 0; a < entities; a++)
        {
            pointers[a + 1] = pointers[a] + lists[a].Idx.Length;
        }

        var neighbors = new int[pointers[entities]];
        var similarities = new float[pointers[entities]];
        for (var a = 0; a < entities; a++)
        {
            lists[a].Idx.CopyTo(neighbors, pointers[a]);
            lists[a].Sim.CopyTo(similarities, pointers[a]);
        }

        return new NeighborLists(pointers, neighbors, similarities);
    }

    private sealed class Buffers(int entities)
    {
        public int[] Support { get; } = new int[entities];

        public float[] Dot { get; } = new float[entities];

        public float[] NormA { get; } = new float[entities];

        public float[] NormB { get; } = new float[entities];

        public int[] Touched { get; } = new int[entities];

        public (float NegatedSimilarity, int Entity)[] Candidates { get; } = new (float, int)[entities];
    }
}
