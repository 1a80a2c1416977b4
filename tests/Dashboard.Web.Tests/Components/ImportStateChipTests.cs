using Bunit;
using Dashboard.Domain.DataSources;
using Dashboard.Web.Components.Pages.DataSources;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

public sealed class ImportStateChipTests
{
    [Theory]
    [InlineData(ImportState.Running, "Importing")]
    [InlineData(ImportState.Succeeded, "Imported")]
    [InlineData(ImportState.Rejected, "Rejected")]
    [InlineData(ImportState.Failed, "Failed")]
    public async Task Chip_NamesTheStateInPlainWords(ImportState state, string expected)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();

        var chip = ctx.Render<ImportStateChip>(p => p.Add(c => c.State, state));

        Assert.Equal(expected, chip.Find("[data-testid=import-state]").TextContent.Trim());
    }

    [Fact]
    public async Task NoImportYet_SaysSo()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();

        var chip = ctx.Render<ImportStateChip>(p => p.Add(c => c.State, null));

        Assert.Contains("Not imported", chip.Markup, StringComparison.Ordinal);
    }
}
