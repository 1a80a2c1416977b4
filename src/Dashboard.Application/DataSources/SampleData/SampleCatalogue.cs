using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>Generated items together with the hidden state the interaction sampler needs.</summary>
/// <param name="Items">The entities handed to the writer.</param>
/// <param name="Category">Category index of each item in the template.</param>
/// <param name="Factors">Taste vectors, row-major: item i occupies [i·k, (i+1)·k).</param>
/// <param name="Popularity">Zipf popularity over items.</param>
internal sealed record SampleCatalogue(List<Item> Items, int[] Category, float[] Factors, AliasTable Popularity);
