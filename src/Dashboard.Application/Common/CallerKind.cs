namespace Dashboard.Application.Common;

/// <summary>What is acting: a signed-in person, an API key, a background job, or the system itself.</summary>
public enum CallerKind
{
    Person,
    ApiKey,
    Job,
    System,
}
