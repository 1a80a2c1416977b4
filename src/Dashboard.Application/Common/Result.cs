namespace Dashboard.Application.Common;

/// <summary>Outcome of a use case that can fail for reasons the user must read (bad input, conflicts).</summary>
public sealed record Result(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static Result Success { get; } = new(true, []);

    public static Result Failure(params string[] errors) => new(false, errors);

    public static Result Failure(IEnumerable<string> errors) => new(false, [.. errors]);
}
