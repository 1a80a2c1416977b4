using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources;

public sealed class ImportPipelineTests
{
    [Fact]
    public async Task Import_ACsvWithItemsAndAttributes_WritesAllThreeDatasets()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Items, "id,title,category,tags,price,brand\ni1,Kettle,Home,\"steel,1l\",19.90,Acme\ni2,Lamp,Home,,5,\n");
        await UploadAsync(host, id, DatasetKind.EndUserAttributes, "id,region,age_band\nu1,North,25-34\nu2,South,35-44\n");
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.All(runs, r => Assert.Equal(ImportState.Succeeded, r.State));
        Assert.Equal(3, runs.Single(r => r.Dataset == DatasetKind.Interactions).RowsAccepted);
        await using var db = host.CreateTenantContext(admin.TenantId);
        var kettle = await db.Items.Include(i => i.Attributes).SingleAsync(i => i.ExternalId == "i1");
        Assert.Equal(("Kettle", "Home", "steel,1l", 19.90m, false), (kettle.Title, kettle.Category, kettle.Tags, kettle.Price, kettle.IsPlaceholder));
        Assert.Equal("Acme", kettle.Attributes.Single(a => a.Key == "brand").Value);
        Assert.Equal(4, await db.EndUserAttributes.CountAsync());
        var purchase = await db.Interactions.SingleAsync(i => i.Type == Dashboard.Domain.Data.InteractionType.Purchase);
        Assert.Equal(5, purchase.Value);
        var source = await db.DataSources.SingleAsync();
        Assert.Equal((ImportState.Succeeded, 7L), (source.LastImportState!.Value, source.LastImportRows!.Value));
    }

    [Fact]
    public async Task Upload_AnEmptyFile_IsRefusedWithAMessage()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        var id = await CreateSourceAsync(host);

        var result = await UploadAsync(host, id, DatasetKind.Interactions, string.Empty);

        Assert.False(result.Succeeded);
        Assert.Contains("empty", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HeaderOnly_IsRejectedAndChangesNothing()
    {
        var (run, job, before, after, _) = await ImportOverExistingDataAsync("user_id,item_id,event_type,timestamp\n");

        Assert.Equal(ImportState.Rejected, run.State);
        Assert.Contains("header but no rows", run.Summary, StringComparison.Ordinal);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_WrongDelimiter_SaysWhichDelimiterTheFileSeemsToUse()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Semi", Delimiter = "," });
        await UploadAsync(host, id, DatasetKind.Interactions, "user_id;item_id;event_type;timestamp\nu1;i1;view;2026-06-01 10:00:00\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(ImportState.Rejected, runs[0].State);
        Assert.Contains("semicolon", runs[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnterminatedQuote_IsReportedWithItsLine()
    {
        var (run, _, before, after, errors) = await ImportOverExistingDataAsync(
            "user_id,item_id,event_type,timestamp\nu1,i1,view,2026-06-01 10:00:00\nu2,\"i2,view,2026-06-01 10:00:00\nu3,i3,view,2026-06-01 10:00:00\n",
            BadRowPolicy.RejectFileOnErrors);

        Assert.Equal(ImportState.Rejected, run.State);
        Assert.Contains(errors, e => e.Line == 3 && e.Reason.Contains("never closed", StringComparison.Ordinal));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_ATenMegabyteField_IsRejectedWithoutReadingItWhole()
    {
        var big = new StringBuilder("user_id,item_id,event_type,timestamp\nu1,i1,view,2026-06-01 10:00:00\nu2,\"");
        big.Append('x', 10 * 1024 * 1024).Append("\",view,2026-06-01 10:00:00\n");

        var (run, _, before, after, _) = await ImportOverExistingDataAsync(big.ToString());

        Assert.Equal(ImportState.Rejected, run.State);
        Assert.Contains("Line 3", run.Summary, StringComparison.Ordinal);
        Assert.Contains("1,024 KB", run.Summary, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_AFieldLongerThanTheLimit_IsReportedOnItsLine()
    {
        var big = new StringBuilder("user_id,item_id,event_type,timestamp\nu1,i1,view,2026-06-01 10:00:00\nu2,i2,view,");
        big.Append('x', 2 * 1024 * 1024).Append('\n');

        var (_, _, _, _, errors) = await ImportOverExistingDataAsync(big.ToString());

        var error = Assert.Single(errors);
        Assert.Equal(3L, error.Line);
    }

    [Fact]
    public async Task Import_AFileOfOneLineLongerThanTheLimit_IsReportedOnLine1()
    {
        var (_, _, _, _, errors) = await ImportOverExistingDataAsync(new string('x', 2 * 1024 * 1024));

        var error = Assert.Single(errors);
        Assert.Equal(1L, error.Line);
    }

    [Fact]
    public async Task Import_InvalidUtf8WhenUtf8IsChosen_IsRejectedWithTheLine()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Utf", Encoding = "utf-8" });
        var bytes = Encoding.UTF8.GetBytes("user_id,item_id,event_type,timestamp\nu1,i1,view,2026-06-01 10:00:00\nu\u00e9").Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Encoding.UTF8.GetBytes(",i1,view,2026-06-01 10:00:00\n")).ToArray();
        await UploadAsync(host, id, DatasetKind.Interactions, bytes);

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(ImportState.Rejected, runs[0].State);
        Assert.Contains("not valid UTF-8", runs[0].Summary, StringComparison.Ordinal);
        Assert.Contains("ISO-8859-1", runs[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Latin1FileOnAutomatic_IsDetectedAndReadCorrectly()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Items, "id,title\ni1,Caf\u00e9 cr\u00e8me\n", Encoding.Latin1);

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(ImportState.Succeeded, runs[0].State);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal("Caf\u00e9 cr\u00e8me", (await db.Items.SingleAsync()).Title);
    }

    [Theory]
    [InlineData("u9,i1,teleport,,2026-06-01 10:00:00", "event_type", "not an event type")]
    [InlineData("u9,i1,rating,great,2026-06-01 10:00:00", "value", "not a number")]
    [InlineData("u9,i1,rating,7,2026-06-01 10:00:00", "value", "outside 0.5")]
    [InlineData("u9,i1,view,,2027-01-01 10:00:00", "timestamp", "in the future")]
    [InlineData("u9,i1,view,,yesterday", "timestamp", "not a date we can read")]
    [InlineData(",i1,view,,2026-06-01 10:00:00", "user_id", "end-user id is empty")]
    public async Task Import_ABadRow_IsReportedWithLineColumnAndReason_AndTheGoodRowsImported(string badRow, string column, string reason)
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + badRow + "\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var run = runs.Single();
        Assert.Equal((ImportState.Succeeded, 4L, 3L, 1L), (run.State, run.RowsRead, run.RowsAccepted, run.RowsRejected));
        var error = Assert.Single(await ErrorsAsync(host, admin.TenantId, run.Id));
        Assert.Equal((5L, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DuplicateRows_AreCountedAndWrittenOnce()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u1,i1,view,,2026-06-01 10:00:00\nu1,i1,VIEW,,2026-06-01T10:00:00Z\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal((3L, 2L), (runs[0].RowsAccepted, runs[0].RowsDuplicate));
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(3, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task Import_AppendingAnOverlappingExport_AddsOnlyTheNewInteractions()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u3,i3,click,,2026-06-03 09:00:00\nu1,i1,click,,2026-06-01 10:00:00\n");

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal((2L, 3L), (runs[0].RowsAccepted, runs[0].RowsDuplicate));
        Assert.Contains("3 already imported before", runs[0].Summary, StringComparison.Ordinal);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(5, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task Import_TheSameFileTwice_SucceedsTheSecondTimeWithNothingNew()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal((ImportState.Succeeded, JobState.Succeeded), (runs[0].State, job.State));
        Assert.Equal((0L, 3L), (runs[0].RowsAccepted, runs[0].RowsDuplicate));
        Assert.Equal("Nothing new: all 3 rows were already imported.", runs[0].Summary);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(3, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task Import_TheSameFileWithBadRowsTwice_SucceedsWithNothingNewAndSaysWhatWasSkipped()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + BadRows);
        await ImportAsync(host, admin.TenantId, id);

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal((ImportState.Succeeded, JobState.Succeeded, 0L, 3L), (runs[0].State, job.State, runs[0].RowsAccepted, runs[0].RowsRejected));
        Assert.Equal("Nothing new: 3 of the 6 rows were already imported and 3 were rejected (see the errors).", runs[0].Summary);
    }

    [Fact]
    public async Task Import_TheSameFileWithBadRowsTwice_WhenTheSourceRejectsFilesWithErrors_IsRejected()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Strict", BadRows = BadRowPolicy.RejectFileOnErrors, MaxErrors = 10 });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + BadRows);
        var (first, _) = await ImportAsync(host, admin.TenantId, id);
        Assert.Equal(ImportState.Succeeded, first[0].State);

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal((ImportState.Rejected, JobState.Failed), (runs[0].State, job.State));
    }

    [Fact]
    public async Task Import_UnknownItem_CreatesAPlaceholderByDefault()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(2, runs[0].PlaceholdersCreated);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.All(await db.Items.ToListAsync(), i => Assert.True(i.IsPlaceholder));
    }

    [Fact]
    public async Task Import_UnknownItemWithRejectPolicy_RejectsTheRowWithAClearReason()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Strict", UnknownItems = UnknownItemPolicy.Reject });
        await UploadAsync(host, id, DatasetKind.Items, "id,title\ni1,Kettle\n");
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var interactions = runs.Single(r => r.Dataset == DatasetKind.Interactions);
        Assert.Equal((2L, 1L, 0L), (interactions.RowsAccepted, interactions.RowsRejected, interactions.PlaceholdersCreated));
        var error = Assert.Single(await ErrorsAsync(host, admin.TenantId, interactions.Id));
        Assert.Contains("\"i2\" is not in your items", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RejectOnFirstError_ImportsNothingAndKeepsTheOldData()
    {
        var (run, job, before, after, errors) = await ImportOverExistingDataAsync(Interactions + "u9,i1,teleport,,2026-06-01 10:00:00\n", BadRowPolicy.RejectFileOnErrors);

        Assert.Equal(ImportState.Rejected, run.State);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("Stopped at line 5", run.Summary, StringComparison.Ordinal);
        Assert.Single(errors);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_ReplaceMode_RemovesThePreviousInteractions_AppendKeepsThem()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var append = await CreateSourceAsync(host, new DataSourceInput { Name = "Append" });
        await UploadAsync(host, append, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, append);
        await UploadAsync(host, append, DatasetKind.Interactions, "user_id,item_id,event_type,timestamp\nu3,i3,click,2026-06-03 09:00:00\n");
        await ImportAsync(host, admin.TenantId, append);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            Assert.Equal(4, await db.Interactions.CountAsync());
        }

        var replace = await CreateSourceAsync(host, new DataSourceInput { Name = "Replace", Mode = ImportMode.Replace });
        await UploadAsync(host, replace, DatasetKind.Interactions, "user_id,item_id,event_type,timestamp\nu4,i1,click,2026-06-03 09:00:00\n");
        await ImportAsync(host, admin.TenantId, replace);

        await using var check = host.CreateTenantContext(admin.TenantId);
        var only = Assert.Single(await check.Interactions.Include(i => i.EndUser).ToListAsync());
        Assert.Equal("u4", only.EndUser!.ExternalId);
    }

    [Fact]
    public async Task Import_BotFilter_LeavesOutUsersAboveTheDailyCap()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Bots", MaxEventsPerUserPerDay = 3 });
        var csv = new StringBuilder("user_id,item_id,event_type,timestamp\nhuman,i1,view,2026-06-01 10:00:00\n");
        for (var i = 0; i < 5; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"bot,i{i},view,2026-06-01 10:0{i}:00\n");
        }

        await UploadAsync(host, id, DatasetKind.Interactions, csv.ToString());

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal((1L, 5L), (runs[0].RowsAccepted, runs[0].RowsFilteredAsBots));
        Assert.Contains("bot-like", runs[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EventWeights_SetTheValueOfImplicitEvents()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Weights", EventWeightsJson = "{\"view\": 0.5, \"purchase\": 10}" });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u3,i3,purchase,2,2026-06-01 10:00:00\n");

        await ImportAsync(host, admin.TenantId, id);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var values = await db.Interactions.OrderBy(i => i.Id).Select(i => i.Value).ToListAsync();
        Assert.Equal([0.5, 10, 4.5, 20], values);
    }

    [Fact]
    public async Task ImportNow_WhileAnImportOfTheSameSourceIsQueued_IsRefused()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        Assert.True((await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id))).Succeeded);

        var second = await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id));

        Assert.False(second.Succeeded);
        Assert.Contains("still running", second.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MovieLens100K_ReadsLatin1TitlesGenresAndRatings()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "ML", FileFormat = FileFormat.MovieLens100K });
        var flags = string.Join('|', Enumerable.Range(0, 19).Select(g => g is 3 or 5 ? "1" : "0"));
        await UploadAsync(host, id, DatasetKind.Items,
            $"1|Toy Story (1995)|01-Jan-1995||http://x|{flags}\n2|Cit\u00e9 des enfants perdus, La (1995)|01-Jan-1995||http://y|{flags}\n", Encoding.Latin1);
        await UploadAsync(host, id, DatasetKind.EndUserAttributes, "196|49|M|writer|55105\n186|39|F|executive|00000\n", Encoding.Latin1);
        await UploadAsync(host, id, DatasetKind.Interactions, "196\t1\t3\t881250949\n186\t2\t5\t891717742\n186\t1\t4\t891717742\n");

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(JobState.Succeeded, job.State);
        await using var db = host.CreateTenantContext(admin.TenantId);
        var cite = await db.Items.SingleAsync(i => i.ExternalId == "2");
        Assert.Equal(("Cit\u00e9 des enfants perdus, La (1995)", "Animation", "Animation,Comedy"), (cite.Title, cite.Category, cite.Tags));
        Assert.Equal(3, await db.Interactions.CountAsync(i => i.Type == Dashboard.Domain.Data.InteractionType.Rating));
        Assert.True(await db.EndUserAttributes.AnyAsync(a => a.Key == "gender" && a.IsSensitive));
        Assert.Equal(0, runs.Sum(r => r.PlaceholdersCreated));
    }

    [Fact]
    public async Task Import_MovieLens1M_ReadsDoubleColonFiles_AndAnEmptyTimestampIsARowErrorSoAReimportAddsNothing()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "ML1M", FileFormat = FileFormat.MovieLens1M });
        await UploadAsync(host, id, DatasetKind.Items, "1::Star Wars: Episode IV (1977)::Action|Sci-Fi\n", Encoding.Latin1);
        await UploadAsync(host, id, DatasetKind.Interactions, "1::1::5::978300760\n2::1::4::\n");
        var (first, _) = await ImportAsync(host, admin.TenantId, id);
        await UploadAsync(host, id, DatasetKind.Interactions, "1::1::5::978300760\n2::1::4::\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var firstInteractions = first.Single(r => r.Dataset == DatasetKind.Interactions);
        Assert.Equal((ImportState.Succeeded, 1L, 1L), (firstInteractions.State, firstInteractions.RowsAccepted, firstInteractions.RowsRejected));
        var error = Assert.Single(await ErrorsAsync(host, admin.TenantId, firstInteractions.Id));
        Assert.Equal((2L, "timestamp", "The timestamp is empty."), (error.Line, error.Column, error.Reason));
        Assert.Equal(0L, runs.Single(r => r.Dataset == DatasetKind.Interactions).RowsAccepted);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal("Star Wars: Episode IV (1977)", (await db.Items.SingleAsync()).Title);
        var stored = await db.Interactions.SingleAsync();
        Assert.Equal(new DateTime(2000, 12, 31, 22, 12, 40, DateTimeKind.Utc), stored.OccurredAtUtc);
    }

    [Fact]
    public async Task Import_MovieLens1MUsers_StoresTheAgeAndOccupationLabelsOfTheReadme()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "ML1M", FileFormat = FileFormat.MovieLens1M });
        await UploadAsync(host, id, DatasetKind.EndUserAttributes, "1::F::1::10::48067\n2::M::56::16::70072\n3::M::25::99::55117\n", Encoding.Latin1);

        await ImportAsync(host, admin.TenantId, id);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var attributes = await db.EndUserAttributes
            .Where(a => a.Key == "age" || a.Key == "occupation")
            .Select(a => new { a.EndUser!.ExternalId, a.Key, a.Value })
            .ToListAsync();
        Assert.Equal(
            ["1 age Under 18", "1 occupation K-12 student", "2 age 56+", "2 occupation self-employed", "3 age 25-34", "3 occupation 99"],
            attributes.Select(a => $"{a.ExternalId} {a.Key} {a.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_SampleDataSource_GeneratesWithTheChosenTemplate()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput
        {
            Name = "Sample", Kind = DataSourceKind.SampleData, SampleTemplate = "Retail",
            SampleOptions = new Dashboard.Application.DataSources.SampleData.SampleDataOptions { Users = 50, Items = 20, Interactions = 500, Seed = 3 },
        });

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(500, runs.Single().RowsAccepted);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(500, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task Import_ItemsAfterInteractions_TurnPlaceholdersIntoRealItems()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var events = await CreateSourceAsync(host, new DataSourceInput { Name = "Events" });
        await UploadAsync(host, events, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, events);
        var catalogue = await CreateSourceAsync(host, new DataSourceInput { Name = "Catalogue" });
        await UploadAsync(host, catalogue, DatasetKind.Items, "id,title\ni1,Kettle\n");

        await ImportAsync(host, admin.TenantId, catalogue);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var items = await db.Items.OrderBy(i => i.ExternalId).Select(i => new { i.ExternalId, i.Title, i.IsPlaceholder }).ToListAsync();
        Assert.Equal([("i1", "Kettle", false), ("i2", "i2", true)], items.Select(i => (i.ExternalId, i.Title, i.IsPlaceholder)));
    }

    [Fact]
    public async Task Import_ItemsInReplaceMode_RemovesUnusedItemsMissingFromTheFile_AndKeepsUsedOnes()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var first = await CreateSourceAsync(host, new DataSourceInput { Name = "First" });
        await UploadAsync(host, first, DatasetKind.Items, "id,title\ni1,Kettle\ni2,Lamp\ni3,Unused\n");
        await UploadAsync(host, first, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, first);
        var replace = await CreateSourceAsync(host, new DataSourceInput { Name = "Replace", Mode = ImportMode.Replace });
        await UploadAsync(host, replace, DatasetKind.Items, "id,title\ni1,Kettle 2\n");

        await ImportAsync(host, admin.TenantId, replace);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var items = await db.Items.OrderBy(i => i.ExternalId).Select(i => new { i.ExternalId, i.Title, i.IsPlaceholder }).ToListAsync();
        Assert.Equal([("i1", "Kettle 2", false), ("i2", "Lamp", true)], items.Select(i => (i.ExternalId, i.Title, i.IsPlaceholder)));
        Assert.Equal(3, await db.Interactions.CountAsync());
    }

    /// <summary>Three rows that are refused: an unknown event type, a rating out of range, an unreadable date.</summary>
    private const string BadRows =
        "u9,i1,teleport,,2026-06-01 10:00:00\n" +
        "u9,i1,rating,7,2026-06-01 10:00:00\n" +
        "u9,i1,view,,yesterday\n";

    /// <summary>Imports good data, then <paramref name="csv"/> (Replace mode) and returns the second run and before/after snapshots.</summary>
    private static async Task<(ImportRun Run, JobRun Job, string Before, string After, List<Dashboard.Domain.DataSources.ImportError> Errors)> ImportOverExistingDataAsync(
        string csv, BadRowPolicy badRows = BadRowPolicy.SkipBadRows)
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Replace", Mode = ImportMode.Replace, BadRows = badRows, MaxErrors = 1 });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);
        var before = await SnapshotAsync(host, admin.TenantId);
        Assert.Contains("u2|i1|Rating", before, StringComparison.Ordinal);

        Assert.True((await UploadAsync(host, id, DatasetKind.Interactions, csv)).Succeeded);
        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        var after = await SnapshotAsync(host, admin.TenantId);
        return (runs.Single(), job, before, after, await ErrorsAsync(host, admin.TenantId, runs.Single().Id));
    }
}
