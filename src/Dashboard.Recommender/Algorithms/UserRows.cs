namespace Dashboard.Recommender.Algorithms;

/// <summary>Edits of per-user CSR rows and per-user vectors that a model forgetting an end-user needs.</summary>
internal static class UserRows
{
    /// <summary>The CSR arrays without <paramref name="user"/>'s entries; the row stays, empty, so other users keep their indices.</summary>
    public static (int[] Ptr, int[] Items, float[] Values) WithoutRow(int[] ptr, int[] items, float[] values, int user)
    {
        if ((uint)user >= (uint)(ptr.Length - 1))
        {
            return (ptr, items, values);
        }

        var start = ptr[user];
        var length = ptr[user + 1] - start;
        if (length == 0)
        {
            return (ptr, items, values);
        }

        var newPtr = new int[ptr.Length];
        for (var u = 0; u < ptr.Length; u++)
        {
            newPtr[u] = u <= user ? ptr[u] : ptr[u] - length;
        }

        return (newPtr, Cut(items, start, length), Cut(values, start, length));
    }

    /// <summary>Zeroes the user's slice of a row-major matrix with <paramref name="stride"/> columns (or of a vector, stride 1).</summary>
    public static void Clear(float[] rows, int user, int stride)
    {
        if (user >= 0 && (long)(user + 1) * stride <= rows.Length)
        {
            Array.Clear(rows, user * stride, stride);
        }
    }

    private static T[] Cut<T>(T[] source, int start, int length)
    {
        var result = new T[source.Length - length];
        Array.Copy(source, 0, result, 0, start);
        Array.Copy(source, start + length, result, start, source.Length - start - length);
        return result;
    }
}
