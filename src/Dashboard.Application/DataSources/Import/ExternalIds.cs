using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.Import;

/// <summary>Rules for the tenant's own ids of end-users and items: not empty, at most 128 characters, no control characters.</summary>
public static class ExternalIds
{
    public const int MaxLength = EndUser.ExternalIdMaxLength;

    /// <summary>Null when <paramref name="id"/> is acceptable; otherwise why not.</summary>
    public static string? Validate(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"The {what} is empty.";
        }

        if (id.Length > MaxLength)
        {
            return $"The {what} is {id.Length:N0} characters long; at most {MaxLength} are allowed.";
        }

        foreach (var c in id)
        {
            if (char.IsControl(c))
            {
                return $"The {what} contains a control character.";
            }
        }

        return null;
    }
}
