using System.Security.Cryptography;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// The saved form of a <see cref="BlendModel"/>: the engine's model envelope ("blend-model", format
/// version), the payload's length and SHA-256, then the payload — engine version, spec JSON, id maps,
/// item details, the training history, the popularity fallback and every component in the engine's own
/// saved format. The checksum is verified before anything is parsed, so a truncated or altered stream
/// is refused as a whole instead of yielding a half-read model.
/// </summary>
internal static class BlendModelFormat
{
    private const int HashLength = 32;

    public static void Write(BlendModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = ModelFormat.CreateWriter(payload))
        {
            writer.Write(model.EngineVersion);
            writer.Write(model.Spec.ToJson());
            writer.Write(model.InteractionCount);
            WriteIds(writer, model.Users);
            WriteIds(writer, model.Items);
            foreach (var d in model.Details)
            {
                writer.Write(d.Title);
                WriteStrings(writer, d.Categories);
                WriteStrings(writer, d.Tags);
                writer.Write(d.AttributeText);
            }

            var history = model.History;
            writer.Write(history.UserCount);
            writer.Write(history.ItemCount);
            ModelFormat.WriteArray(writer, history.UserPtr);
            ModelFormat.WriteArray(writer, history.UserItems);
            ModelFormat.WriteArray(writer, history.UserValues);
            writer.Flush();
            model.Popularity.Save(payload);
            writer.Write(model.Components.Count);
            foreach (var component in model.Components)
            {
                writer.Write((int)component.Spec.Kind);
                writer.Flush();
                component.Model.Save(payload);
            }
        }

        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        using var output = ModelFormat.CreateWriter(stream);
        ModelFormat.WriteHeader(output, BlendModel.FormatName, BlendModel.FormatVersion);
        output.Write(payload.Length);
        output.Write(SHA256.HashData(bytes));
        output.Write(bytes);
    }

    public static BlendModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MemoryStream payload;
        try
        {
            using var reader = ModelFormat.CreateReader(stream);
            var (name, version) = ModelFormat.ReadHeader(reader);
            ModelFormat.EnsureName(name, BlendModel.FormatName);
            ModelFormat.EnsureVersion(name, version, BlendModel.FormatVersion);
            var length = reader.ReadInt64();
            if (length is < 0 or > int.MaxValue || (stream.CanSeek && length > stream.Length - stream.Position))
            {
                throw new InvalidDataException("The blend model is truncated or its length is corrupt.");
            }

            var expected = reader.ReadBytes(HashLength);
            var bytes = reader.ReadBytes((int)length);
            if (expected.Length != HashLength || bytes.Length != length)
            {
                throw new InvalidDataException("The blend model is truncated.");
            }

            if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(expected))
            {
                throw new InvalidDataException("The blend model's checksum does not match: the file was altered or damaged.");
            }

            payload = new MemoryStream(bytes, writable: false);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The blend model is truncated.", e);
        }

        using (payload)
        {
            try
            {
                return ReadPayload(payload);
            }
            catch (Exception e) when (e is EndOfStreamException or ArgumentException or System.Text.Json.JsonException or FormatException or IndexOutOfRangeException)
            {
                throw new InvalidDataException("The blend model's contents are inconsistent: " + e.Message, e);
            }
        }
    }

    private static BlendModel ReadPayload(MemoryStream payload)
    {
        using var reader = ModelFormat.CreateReader(payload);
        var engineVersion = reader.ReadString();
        var spec = BlendSpec.FromJson(reader.ReadString());
        var interactionCount = reader.ReadInt32();
        var users = ReadIds(reader);
        var items = ReadIds(reader);
        var details = new ItemDetails[items.Count];
        for (var i = 0; i < details.Length; i++)
        {
            details[i] = new ItemDetails(reader.ReadString(), ReadStrings(reader), ReadStrings(reader), reader.ReadString());
        }

        var userCount = reader.ReadInt32();
        var itemCount = reader.ReadInt32();
        var ptr = ModelFormat.ReadInts(reader);
        var rowItems = ModelFormat.ReadInts(reader);
        var rowValues = ModelFormat.ReadFloats(reader);
        if (userCount != users.Count || itemCount != items.Count || ptr.Length != userCount + 1
            || ptr[^1] != rowItems.Length || rowValues.Length != rowItems.Length)
        {
            throw new InvalidDataException("The blend model's history does not match its end-users and items.");
        }

        var ratings = new Rating[rowItems.Length];
        for (var u = 0; u < userCount; u++)
        {
            for (var k = ptr[u]; k < ptr[u + 1]; k++)
            {
                ratings[k] = new Rating(u, rowItems[k], rowValues[k]);
            }
        }

        var history = InteractionMatrix.Build(ratings, userCount, itemCount);
        var popularity = RecommenderSerializer.Load(payload);
        var count = reader.ReadInt32();
        var specs = spec.Components.Where(c => c.Weight > 0).ToArray();
        if (count != specs.Length)
        {
            throw new InvalidDataException("The blend model's components do not match its spec.");
        }

        var components = new FittedComponent[count];
        for (var c = 0; c < count; c++)
        {
            var kind = (ComponentKind)reader.ReadInt32();
            if (kind != specs[c].Kind)
            {
                throw new InvalidDataException("The blend model's components do not match its spec.");
            }

            components[c] = new FittedComponent(specs[c], RecommenderSerializer.Load(payload));
        }

        return new BlendModel(engineVersion, spec, users, items, details, history, interactionCount, popularity, components);
    }

    private static void WriteIds(BinaryWriter writer, IdMap ids)
    {
        writer.Write(ids.Count);
        foreach (var id in ids.Ids)
        {
            writer.Write(id);
        }
    }

    private static IdMap ReadIds(BinaryReader reader)
    {
        var count = ReadCount(reader);
        var map = new IdMap();
        for (var i = 0; i < count; i++)
        {
            map.GetOrAdd(reader.ReadString());
        }

        return map.Count == count ? map : throw new InvalidDataException("The blend model repeats an id.");
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[ReadCount(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException("The blend model holds a negative count.");
    }
}
