using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Data;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>Writes privacy rows straight into a tenant's tables, the way the other privacy features leave them.</summary>
internal static class PrivacyReportSeed
{
    public static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime June(int day, int hour = 9) => new(2026, 6, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<Dictionary<string, long>> EndUsersAsync(IAppDbContext db, params string[] externalIds)
    {
        var users = externalIds.Select(id => new EndUser { ExternalId = id, CreatedAtUtc = June(1) }).ToList();
        db.EndUsers.AddRange(users);
        await db.SaveChangesAsync();
        return users.ToDictionary(u => u.ExternalId, u => u.Id);
    }

    /// <summary>Each record saved on its own, so ids follow the order given here (arrival), not the records' own times.</summary>
    public static async Task ConsentAsync(IAppDbContext db, long endUserId, bool granted, DateTime at, string purpose = ConsentPurpose.Personalisation)
    {
        db.ConsentRecords.Add(new ConsentRecord
        {
            EndUserId = endUserId, Purpose = purpose, Granted = granted, OccurredAtUtc = at, RecordedAtUtc = Now, Source = "web banner",
        });
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> BlendWithVersionsAsync(IAppDbContext db, string name, params (int EndUsers, int Excluded, DateTime ConsentAsOf)[] versions)
    {
        var blend = new Blend { Id = Guid.NewGuid(), Name = name, SpecJson = "{}", CreatedAtUtc = June(1), UpdatedAtUtc = June(1), KeepVersions = 5 };
        db.Blends.Add(blend);
        for (var i = 0; i < versions.Length; i++)
        {
            var (endUsers, excluded, asOf) = versions[i];
            var manifest = new DataManifest(endUsers, 10, 1000, June(1), June(2), "hash", ConsentPurpose.Personalisation, asOf, "Read 3 consent records.", excluded);
            db.ModelVersions.Add(new ModelVersion
            {
                Id = Guid.NewGuid(), BlendId = blend.Id, Number = i + 1, SpecJson = "{}", MetricsJson = "{}", ManifestJson = manifest.ToJson(),
                EngineVersion = "test", ArtifactId = Guid.NewGuid(), ArtifactSha256 = "00", CreatedAtUtc = asOf,
            });
        }

        await db.SaveChangesAsync();
        return blend.Id;
    }
}
