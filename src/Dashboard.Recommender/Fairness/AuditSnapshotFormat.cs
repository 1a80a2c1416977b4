using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// The saved form of an <see cref="AuditSnapshot"/>: "DSAS", the format version, the payload's length and
/// SHA-256, then the Brotli-compressed payload (indices as 7-bit varints, scores as raw floats). The checksum is
/// verified before anything is parsed, so a truncated or altered stream is refused as a whole.
/// </summary>
internal static class AuditSnapshotFormat
{
    /// <summary>"DSAS" little-endian: Dashboard audit snapshot.</summary>
    public const uint Magic = 0x53415344;

    public const int Version = 1;

    private const int HashLength = 32;

    public static void Write(AuditSnapshot snapshot, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payload = Payload(snapshot);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(payload);
        }

        var bytes = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write((long)bytes.Length);
        writer.Write(SHA256.HashData(bytes));
        writer.Write(bytes);
    }

    public static AuditSnapshot Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var magic = reader.ReadUInt32();
            if (magic != Magic)
            {
                throw new InvalidDataException("The stream is not an audit snapshot.");
            }

            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException(
                    $"The audit snapshot has format version {version}; this build reads version {Version}. Train the version again to audit it.");
            }

            var length = reader.ReadInt64();
            if (length is < 0 or > int.MaxValue || (stream.CanSeek && length > stream.Length - stream.Position))
            {
                throw new InvalidDataException("The audit snapshot is truncated or its length is damaged.");
            }

            var expected = reader.ReadBytes(HashLength);
            bytes = reader.ReadBytes((int)length);
            if (expected.Length != HashLength || bytes.Length != length)
            {
                throw new InvalidDataException("The audit snapshot is truncated.");
            }

            if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(expected))
            {
                throw new InvalidDataException("The audit snapshot's checksum does not match: it was altered or damaged.");
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The audit snapshot is empty or truncated.", e);
        }

        try
        {
            using var input = new BrotliStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            using var payload = new MemoryStream();
            input.CopyTo(payload);
            payload.Position = 0;
            return Parse(payload);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or IndexOutOfRangeException or OverflowException or IOException or InvalidOperationException)
        {
            throw new InvalidDataException("The audit snapshot's contents are inconsistent: " + e.Message, e);
        }
    }

    /// <summary>The uncompressed payload (what the written form compresses).</summary>
    internal static byte[] Payload(AuditSnapshot s)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write7BitEncodedInt(s.K);
            w.Write(s.Rerank.ExcludeSeen);
            w.Write(s.Rerank.MmrLambda);
            w.Write(s.Rerank.MaxPerCategory ?? 0);
            w.Write(s.Rerank.LongTailBoost);

            w.Write7BitEncodedInt(s.ItemCount);
            foreach (var p in s.Popularity)
            {
                w.Write7BitEncodedInt(p);
            }

            foreach (var tail in s.LongTailFlags)
            {
                w.Write(tail);
            }

            Strings(w, s.Categories.Names);
            for (var i = 0; i < s.ItemCount; i++)
            {
                Ints(w, s.Categories.CategoriesOf(i));
            }

            w.Write7BitEncodedInt(s.UserCount);
            foreach (var row in s.History)
            {
                Ints(w, row);
            }

            Strings(w, s.Names);
            for (var a = 0; a < s.Names.Length; a++)
            {
                Strings(w, s.Groups[a]);
                foreach (var g in s.GroupOfUser[a])
                {
                    w.Write7BitEncodedInt(g + 1);
                }
            }

            w.Write7BitEncodedInt(s.RowUser.Length);
            for (var r = 0; r < s.RowUser.Length; r++)
            {
                w.Write7BitEncodedInt(s.RowUser[r]);
                var start = s.CandidatePtr[r];
                var count = s.CandidatePtr[r + 1] - start;
                Ints(w, s.CandidateItems.AsSpan(start, count));
                foreach (var score in s.CandidateScores.AsSpan(start, count))
                {
                    w.Write(score);
                }

                Ints(w, s.RelevantItems.AsSpan(s.RelevantPtr[r], s.RelevantPtr[r + 1] - s.RelevantPtr[r]));
            }

            w.Write(s.Outcomes is not null);
            if (s.Outcomes is { } o)
            {
                w.Write(o.FunnelName);
                w.Write(o.ConversionName);
                w.Write7BitEncodedInt(o.Users.Length);
                for (var e = 0; e < o.Users.Length; e++)
                {
                    w.Write7BitEncodedInt(o.Users[e]);
                    w.Write7BitEncodedInt(o.Items[e]);
                    w.Write((byte)o.Kinds[e]);
                }
            }
        }

        return buffer.ToArray();
    }

    private static AuditSnapshot Parse(Stream payload)
    {
        using var r = new BinaryReader(payload, Encoding.UTF8, leaveOpen: true);
        var k = r.Read7BitEncodedInt();
        var excludeSeen = r.ReadBoolean();
        var lambda = r.ReadDouble();
        var cap = r.ReadInt32();
        var boost = r.ReadDouble();
        var rerank = new RerankSpec { ExcludeSeen = excludeSeen, MmrLambda = lambda, MaxPerCategory = cap > 0 ? cap : null, LongTailBoost = boost };
        Ensure(k is >= 1 and <= BlendSpec.MaxListSize && lambda is >= 0 and <= 1 && double.IsFinite(boost) && boost >= 0, "its re-ranking settings are out of range");

        var itemCount = Count(r, payload);
        var popularity = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            popularity[i] = r.Read7BitEncodedInt();
            Ensure(popularity[i] >= 0, "an item's popularity is negative");
        }

        var isTail = new bool[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            isTail[i] = r.ReadBoolean();
        }

        var categoryNames = ReadStrings(r, payload);
        var categoryRows = new IReadOnlyCollection<int>[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            categoryRows[i] = ReadInts(r, payload, categoryNames.Length);
        }

        var categories = ItemCategories.Create(categoryNames.Length, categoryRows, categoryNames);
        var userCount = Count(r, payload);
        var history = new int[userCount][];
        for (var u = 0; u < userCount; u++)
        {
            history[u] = ReadInts(r, payload, itemCount);
        }

        var names = ReadStrings(r, payload);
        var groups = new string[names.Length][];
        var groupOfUser = new int[names.Length][];
        for (var a = 0; a < names.Length; a++)
        {
            groups[a] = ReadStrings(r, payload);
            groupOfUser[a] = new int[userCount];
            for (var u = 0; u < userCount; u++)
            {
                var g = r.Read7BitEncodedInt() - 1;
                Ensure(g >= -1 && g < groups[a].Length, "an end-user's group is out of range");
                groupOfUser[a][u] = g;
            }
        }

        var rowCount = Count(r, payload);
        var rowUser = new int[rowCount];
        var candidatePtr = new int[rowCount + 1];
        var relevantPtr = new int[rowCount + 1];
        var candidateItems = new List<int>();
        var candidateScores = new List<float>();
        var relevantItems = new List<int>();
        for (var row = 0; row < rowCount; row++)
        {
            rowUser[row] = r.Read7BitEncodedInt();
            Ensure((uint)rowUser[row] < (uint)userCount && (row == 0 || rowUser[row] > rowUser[row - 1]), "a row's end-user is out of range or out of order");
            var items = ReadInts(r, payload, itemCount);
            candidateItems.AddRange(items);
            foreach (var _ in items)
            {
                var score = r.ReadSingle();
                Ensure(float.IsFinite(score), "a candidate's score is not a number");
                candidateScores.Add(score);
            }

            candidatePtr[row + 1] = candidateItems.Count;
            relevantItems.AddRange(ReadInts(r, payload, itemCount));
            relevantPtr[row + 1] = relevantItems.Count;
        }

        OutcomeEvents? outcomes = null;
        if (r.ReadBoolean())
        {
            var funnel = r.ReadString();
            var conversion = r.ReadString();
            var n = Count(r, payload);
            var users = new int[n];
            var items = new int[n];
            var kinds = new int[n];
            for (var e = 0; e < n; e++)
            {
                users[e] = r.Read7BitEncodedInt();
                items[e] = r.Read7BitEncodedInt();
                kinds[e] = r.ReadByte();
                Ensure((uint)users[e] < (uint)userCount && (uint)items[e] < (uint)itemCount && kinds[e] <= 1, "an outcome event is out of range");
            }

            outcomes = new OutcomeEvents(users, items, kinds, 0, 1, funnel, conversion);
        }

        Ensure(payload.Position == payload.Length, "it has bytes after its end");
        return new AuditSnapshot(
            k, rerank, popularity, isTail, categories, history, names, groups, groupOfUser, rowUser,
            candidatePtr, [.. candidateItems], [.. candidateScores], relevantPtr, [.. relevantItems], outcomes);
    }

    private static void Ints(BinaryWriter w, ReadOnlySpan<int> values)
    {
        w.Write7BitEncodedInt(values.Length);
        foreach (var v in values)
        {
            w.Write7BitEncodedInt(v);
        }
    }

    private static void Strings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write7BitEncodedInt(values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    /// <summary>A count no larger than the bytes left, so a damaged count cannot ask for a huge allocation.</summary>
    private static int Count(BinaryReader r, Stream payload)
    {
        var n = r.Read7BitEncodedInt();
        Ensure(n >= 0 && n <= payload.Length - payload.Position, "a length is out of range");
        return n;
    }

    private static int[] ReadInts(BinaryReader r, Stream payload, int bound)
    {
        var values = new int[Count(r, payload)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.Read7BitEncodedInt();
            Ensure((uint)values[i] < (uint)bound, "an index is out of range");
        }

        return values;
    }

    private static string[] ReadStrings(BinaryReader r, Stream payload)
    {
        var values = new string[Count(r, payload)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }

    private static void Ensure(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException("The audit snapshot's contents are inconsistent: " + problem + ".");
        }
    }
}
