namespace Dashboard.Application.Privacy;

/// <summary>One of the organisation's consent purposes as the Privacy page lists it.</summary>
public sealed record ConsentPurposeView(string Name, string? Description, bool IsBuiltIn);
