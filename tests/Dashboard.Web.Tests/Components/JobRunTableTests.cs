using Bunit;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Dashboard.Web.Components.Shared;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

public sealed class JobRunTableTests
{
    private static JobRunView Run(JobState state, int progress, string? error = null) => JobRunView.From(new JobRun
    {
        Id = Guid.NewGuid(),
        Kind = JobKind.GenerateSampleData,
        State = state,
        Progress = progress,
        Message = "Writing to the database",
        Error = error,
        QueuedAtUtc = new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc),
        StartedAtUtc = new DateTime(2026, 6, 30, 12, 0, 1, DateTimeKind.Utc),
        FinishedAtUtc = state is JobState.Succeeded or JobState.Failed ? new DateTime(2026, 6, 30, 12, 0, 6, DateTimeKind.Utc) : null,
    });

    private static BunitContext CreateContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }

    [Fact]
    public async Task RunningJob_ShowsItsProgressAndMessage()
    {
        await using var ctx = CreateContext();

        var table = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, [Run(JobState.Running, 42)]));

        Assert.Contains("42 % · Writing to the database", table.Markup, StringComparison.Ordinal);
        Assert.Equal("Running", table.Find("[data-testid=job-state]").TextContent.Trim());
    }

    [Fact]
    public async Task FailedJob_ShowsItsErrorAndDuration()
    {
        await using var ctx = CreateContext();

        var table = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, [Run(JobState.Failed, 40, "The file is empty.")]));

        Assert.Equal("The file is empty.", table.Find("[data-testid=job-error]").TextContent.Trim());
        Assert.Contains(5.0.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " s", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAgain_IsOfferedOnlyForFinishedJobsTheCallerMayRun()
    {
        await using var ctx = CreateContext();
        JobRunView? clicked = null;
        var runs = new[] { Run(JobState.Failed, 40, "x"), Run(JobState.Running, 10) };

        var allowed = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, runs).Add(t => t.CanRun, _ => true).Add(t => t.OnRunAgain, r => clicked = r));
        var refused = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, runs).Add(t => t.CanRun, _ => false).Add(t => t.OnRunAgain, _ => { }));

        var buttons = allowed.FindAll("button").Where(b => b.TextContent.Contains("Run again", StringComparison.Ordinal)).ToList();
        Assert.Single(buttons);
        await buttons[0].ClickAsync(new());
        Assert.Same(runs[0], clicked);
        Assert.DoesNotContain("Run again", refused.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuedTime_IsShownInTheProductsOneDateFormat()
    {
        await using var ctx = CreateContext();

        var table = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, [Run(JobState.Succeeded, 100)]));

        Assert.Contains("2026-06-30 12:00 UTC", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_IsOfferedForQueuedAndRunningJobsTheCallerMayRun_AndACancelAskedShowsWhoAsked()
    {
        await using var ctx = CreateContext();
        JobRunView? clicked = null;
        var asked = Run(JobState.Running, 30) with { CancelRequestedBy = "ana@example.test" };
        var runs = new[] { Run(JobState.Running, 10), Run(JobState.Succeeded, 100), asked };

        var allowed = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, runs).Add(t => t.CanRun, _ => true)
            .Add(t => t.OnRunAgain, _ => { }).Add(t => t.OnCancel, r => clicked = r));
        var refused = ctx.Render<JobRunTable>(p => p.Add(t => t.Runs, runs).Add(t => t.CanRun, _ => false)
            .Add(t => t.OnRunAgain, _ => { }).Add(t => t.OnCancel, _ => { }));

        var cancel = allowed.FindAll("[data-testid=cancel-job]");
        Assert.Single(cancel);
        await cancel[0].ClickAsync(new());
        Assert.Same(runs[0], clicked);
        Assert.Contains("Cancelling (asked by ana@example.test)", allowed.Find("[data-testid=cancelling]").TextContent, StringComparison.Ordinal);
        Assert.Empty(refused.FindAll("[data-testid=cancel-job]"));
    }
}
