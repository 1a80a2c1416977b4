using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>One problem of an import's report; <see cref="Line"/> is <see cref="ImportError.WholeInput"/> for the whole input.</summary>
public sealed record ImportProblem(long Line, string? Column, string? Value, string Reason);
