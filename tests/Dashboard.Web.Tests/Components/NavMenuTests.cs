using Bunit;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

public sealed class NavMenuTests
{
    [Theory]
    [InlineData(Roles.Admin, new[] { "Overview", "Data sources", "Data preview", "Privacy", "Algorithms", "Campaigns", "Recommendations", "Bias audits", "Metrics", "Jobs", "Team", "Audit log" })]
    [InlineData(Roles.Marketer, new[] { "Overview", "Data sources", "Data preview", "Algorithms", "Campaigns", "Recommendations", "Bias audits", "Metrics", "Jobs" })]
    [InlineData(Roles.ComplianceOfficer, new[] { "Overview", "Data preview", "Privacy", "Algorithms", "Campaigns", "Recommendations", "Bias audits", "Metrics", "Jobs", "Audit log" })]
    public async Task NavMenu_ShowsExactlyTheSectionsTheRoleMayUse(string role, string[] expected)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("someone@example.test");
        auth.SetRoles(role);
        auth.SetPolicies([.. Policies.RolesByPolicy.Where(p => p.Value.Contains(role)).Select(p => p.Key)]);

        var menu = ctx.Render<NavMenu>();

        var shown = menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("/data-sources/preview", "Data preview")]
    [InlineData("/data-sources/3f2a", "Data sources")]
    public async Task NavMenu_LightsOnlyTheSectionThatOwnsThePage(string path, string expected)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("someone@example.test");
        auth.SetRoles(Roles.Admin);
        auth.SetPolicies([.. Policies.RolesByPolicy.Where(p => p.Value.Contains(Roles.Admin)).Select(p => p.Key)]);
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(path);

        var menu = ctx.Render<NavMenu>();

        Assert.Equal([expected], menu.FindAll("a.mud-nav-link.active").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void EverySection_HasAPageGuardedByTheSamePolicy()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false)
                .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
                .Select(r => (Route: r.Template, Type: t)))
            .ToDictionary(x => x.Route, x => x.Type);

        Assert.All(NavSections.All, section =>
        {
            Assert.True(pages.TryGetValue(section.Href, out var page), $"No page for {section.Href}");
            var authorize = page.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true)
                .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().SingleOrDefault();
            Assert.Equal(section.Policy, authorize?.Policy);
        });
    }
}
