using Bunit;
using Dashboard.Application.Common;
using Dashboard.Web.Components.Shared;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

public sealed class PageErrorNoticeTests
{
    [Fact]
    public async Task RefusedAction_ShowsItsMessageAndASignInLink()
    {
        await using var ctx = NewContext();

        var notice = ctx.Render<PageErrorNotice>(p => p.Add(c => c.Exception, new ForbiddenAccessException("Your access has changed.", new InvalidOperationException())));

        Assert.Contains("Your access has changed.", notice.Find("[data-testid=page-forbidden]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sign in again", notice.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusalWrappedInAnAggregateException_IsStillShownAsARefusal()
    {
        await using var ctx = NewContext();
        var wrapped = new AggregateException(new InvalidOperationException("loading failed", new ForbiddenAccessException("Your access has changed.", new InvalidOperationException())));

        var notice = ctx.Render<PageErrorNotice>(p => p.Add(c => c.Exception, wrapped));

        Assert.Contains("Your access has changed.", notice.Find("[data-testid=page-forbidden]").TextContent, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=", notice.Find("[data-testid=page-forbidden] a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedFailure_DoesNotShowTheExceptionText()
    {
        await using var ctx = NewContext();

        var notice = ctx.Render<PageErrorNotice>(p => p.Add(c => c.Exception, new InvalidOperationException("SELECT * FROM secret_table failed")));

        Assert.Contains("Something went wrong", notice.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_table", notice.Markup, StringComparison.Ordinal);
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }
}
