namespace Dashboard.Web.Components.Account;

/// <summary>
/// Decides whether a ReturnUrl may be followed. Only a reference inside this app passes: a path
/// ("/jobs", "Account/Manage") with an optional query and fragment. Anything a browser could read as
/// another origin is refused — a scheme ("https:", "javascript:"), a network path ("//host"), a
/// backslash (browsers read "/\host" and "\\host" as "//host"), or a control or white-space character
/// (browsers strip tabs and line breaks, so "/\t/host" becomes "//host").
/// </summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (url is null)
        {
            return false;
        }

        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        // RFC 3986: a colon before the first '/', '?' or '#' makes the text before it a scheme.
        var end = url.IndexOfAny(['/', '?', '#']);
        var firstSegment = end < 0 ? url : url[..end];
        return !firstSegment.Contains(':', StringComparison.Ordinal);
    }
}
