namespace Dashboard.Web.Components.Layout;

/// <summary>One entry of the navigation drawer: the page it opens and the capability it needs.</summary>
public sealed record NavSection(string Title, string Href, string Icon, string Policy);
