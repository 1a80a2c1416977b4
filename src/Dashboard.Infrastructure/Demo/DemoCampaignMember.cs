namespace Dashboard.Infrastructure.Demo;

/// <summary>One end-user of the demo campaign's segment: database id, id as stored, and index in the generated data (null when the generator did not make them).</summary>
public sealed record DemoCampaignMember(long EndUserId, string StoredId, int? SampleIndex);
