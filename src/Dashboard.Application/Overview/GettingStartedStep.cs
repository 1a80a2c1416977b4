namespace Dashboard.Application.Overview;

/// <summary>
/// One step of the Overview's getting-started checklist. <see cref="Done"/> comes from the organisation's data;
/// a step whose feature is not built yet has no <see cref="Href"/> and is never done.
/// </summary>
public sealed record GettingStartedStep(string Title, string? Href, bool Done)
{
    public bool Available => Href is not null;
}
