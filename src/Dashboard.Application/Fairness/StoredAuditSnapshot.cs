using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>
/// A version's audit snapshot as the model store keeps it: a short header naming how each sensitive attribute
/// was generalised when the training grouped end-users (the privacy settings may change later; the audit must say
/// what was in force), then the engine's <see cref="AuditSnapshot"/> bytes.
/// </summary>
public sealed record StoredAuditSnapshot(AuditSnapshot Snapshot, IReadOnlyDictionary<string, string> Generalised)
{
    private static readonly byte[] Magic = "DBAS"u8.ToArray();
    private const int FormatVersion = 1;
    private const int MaxHeaderBytes = 1 << 20;

    public static void Write(Stream stream, AuditSnapshot snapshot, IReadOnlyDictionary<string, string> generalised)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(generalised);
        var header = JsonSerializer.SerializeToUtf8Bytes(generalised);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(header.Length);
            writer.Write(header);
        }

        snapshot.Write(stream);
    }

    /// <summary>Reads the snapshot; <see cref="InvalidDataException"/> when the bytes are not one this app wrote.</summary>
    public static StoredAuditSnapshot Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            Dictionary<string, string> generalised;
            using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
            {
                if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                {
                    throw new InvalidDataException("it is not an audit snapshot");
                }

                var version = reader.ReadInt32();
                if (version != FormatVersion)
                {
                    throw new InvalidDataException($"its format {version} is not one this version of the app reads");
                }

                var length = reader.ReadInt32();
                if (length is < 0 or > MaxHeaderBytes)
                {
                    throw new InvalidDataException("its header is damaged");
                }

                generalised = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.ReadBytes(length)) ?? [];
            }

            return new StoredAuditSnapshot(AuditSnapshot.Read(stream), generalised);
        }
        catch (Exception ex) when (ex is EndOfStreamException or JsonException or FormatException or ArgumentException)
        {
            throw new InvalidDataException("it ends early or is damaged", ex);
        }
    }

    /// <summary>
    /// The snapshot of a version from the store; a missing, damaged or unreadable one is a <see cref="System.ComponentModel.DataAnnotations.ValidationException"/>
    /// whose message says which and what to do, as the Jobs page and the what-if panel show it.
    /// </summary>
    public static async Task<StoredAuditSnapshot> LoadAsync(IModelArtifactStore store, Guid tenantId, Guid snapshotId, int versionNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        const string Retrain = "train the blend again to audit a new version.";
        try
        {
            await using var stream = await store.OpenReadAsync(tenantId, snapshotId, cancellationToken);
            return Read(stream);
        }
        catch (NotFoundException)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException($"Version {versionNumber}'s audit snapshot is missing from the model store, so it cannot be audited; {Retrain}");
        }
        catch (ModelArtifactCorruptedException)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException($"Version {versionNumber}'s audit snapshot is damaged (it does not match its checksum), so it cannot be audited; {Retrain}");
        }
        catch (InvalidDataException ex)
        {
            var why = ex.Message.TrimEnd('.');
            throw new System.ComponentModel.DataAnnotations.ValidationException(
                $"Version {versionNumber}'s audit snapshot cannot be read ({char.ToLowerInvariant(why[0])}{why[1..]}), so it cannot be audited; {Retrain}");
        }
    }
}
