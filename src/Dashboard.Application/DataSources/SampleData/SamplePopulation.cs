using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>Generated end-users together with the hidden state the interaction sampler needs.</summary>
/// <param name="Users">The entities handed to the writer.</param>
/// <param name="Factors">Taste vectors, row-major: user u occupies [u·k, (u+1)·k).</param>
/// <param name="CategoryTaste">Taste per category, row-major: user u occupies [u·C, (u+1)·C).</param>
/// <param name="IsBiased">Whether the user belongs to the group hit by the planted bias.</param>
/// <param name="Activity">Log-normal activity over users.</param>
internal sealed record SamplePopulation(
    List<EndUser> Users, float[] Factors, float[] CategoryTaste, bool[] IsBiased, AliasTable Activity);
