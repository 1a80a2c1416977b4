using Dashboard.Domain.Data;
using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>
/// One statement of an end-user's consent for one purpose, as GDPR Art. 7(1) asks a controller to be able
/// to show it: granted or withdrawn, when, through which channel, under which notice, with a proof
/// reference. Records are only ever appended; the current state of a purpose is the record with the
/// latest <see cref="OccurredAtUtc"/> (ties broken by <see cref="Id"/>), not the last to arrive.
/// </summary>
public sealed class ConsentRecord : ITenantOwned
{
    public const int PurposeMaxLength = ConsentPurpose.NameMaxLength;
    public const int SourceMaxLength = 64;
    public const int NoticeVersionMaxLength = 64;
    public const int ProofReferenceMaxLength = 256;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public long EndUserId { get; set; }

    public EndUser? EndUser { get; set; }

    /// <summary>The purpose's name (see <see cref="ConsentPurpose"/>).</summary>
    public required string Purpose { get; set; }

    /// <summary>True for a grant, false for a withdrawal.</summary>
    public bool Granted { get; set; }

    /// <summary>When the end-user gave or withdrew consent (their time, in UTC).</summary>
    public DateTime OccurredAtUtc { get; set; }

    /// <summary>When this dashboard stored the record.</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The channel the consent was given through, e.g. "web banner", "app", "call centre".</summary>
    public required string Source { get; set; }

    /// <summary>The version of the privacy notice the end-user saw.</summary>
    public string? NoticeVersion { get; set; }

    /// <summary>Where the proof is kept (a form id, a log reference), never the proof itself.</summary>
    public string? ProofReference { get; set; }

    /// <summary>The import that brought the record, when it came from a file or SQL source.</summary>
    public Guid? ImportRunId { get; set; }
}
