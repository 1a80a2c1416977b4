using System.Runtime.InteropServices;
using System.Text;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// The envelope every saved model starts with: a magic number, the algorithm name and that algorithm's
/// own format version. Each algorithm bumps its version when its payload changes, so an old build
/// refuses a newer file with a clear message instead of reading garbage.
/// </summary>
internal static class ModelFormat
{
    /// <summary>"DRMF" little-endian: Dashboard Recommender Model File.</summary>
    public const uint Magic = 0x464D5244;

    public static BinaryWriter CreateWriter(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static BinaryReader CreateReader(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static void WriteHeader(BinaryWriter writer, string name, int version)
    {
        writer.Write(Magic);
        writer.Write(name);
        writer.Write(version);
    }

    public static (string Name, int Version) ReadHeader(BinaryReader reader)
    {
        uint magic;
        try
        {
            magic = reader.ReadUInt32();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The stream is empty or too short to be a saved recommender model.", e);
        }

        if (magic != Magic)
        {
            throw new InvalidDataException($"Not a saved recommender model (magic 0x{magic:X8}, expected 0x{Magic:X8}).");
        }

        return (reader.ReadString(), reader.ReadInt32());
    }

    public static void EnsureName(string actual, string expected)
    {
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The stream holds a '{actual}' model, not a '{expected}' model.");
        }
    }

    public static void EnsureVersion(string name, int actual, int supported)
    {
        if (actual != supported)
        {
            throw new InvalidDataException(
                $"'{name}' model format version {actual} is not supported by this build (it reads version {supported}). Retrain the model.");
        }
    }

    public static void WriteArray(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static void WriteArray(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static void WriteArray(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static float[] ReadFloats(BinaryReader reader)
    {
        var result = new float[ReadLength(reader)];
        ReadExactly(reader, MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    public static double[] ReadDoubles(BinaryReader reader)
    {
        var result = new double[ReadLength(reader)];
        ReadExactly(reader, MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    public static int[] ReadInts(BinaryReader reader)
    {
        var result = new int[ReadLength(reader)];
        ReadExactly(reader, MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    private static int ReadLength(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException($"Corrupt model: negative array length {length}.");
        }

        return length;
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> destination)
    {
        var read = reader.Read(destination);
        while (read < destination.Length)
        {
            var more = reader.Read(destination[read..]);
            if (more == 0)
            {
                throw new InvalidDataException("Corrupt model: the stream ended inside an array.");
            }

            read += more;
        }
    }
}
