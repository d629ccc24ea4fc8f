using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AuthorisationTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    [InlineData("/admin/jobs")]
    public async Task Employee_opening_a_page_of_another_role_gets_access_denied_with_403(string path)
    {
        await using var session = await fixture.NewSessionAsync(output);
        session.AllowConsoleError("status of 403");
        var page = session.Page;
        await session.SignInAsync("employee.us@demo.salus.local", SalusServer.DemoPassword);
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();
        // Not even offered in the navigation.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        var response = await session.GotoAsync(path);

        Assert.Equal(403, response.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/account/denied\\?ReturnUrl=" + Regex.Escape(Uri.EscapeDataString(path)) + "$"));
        await Expect(page.Locator("#denied-title")).ToHaveTextAsync("Access denied");
        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    [InlineData("/account/manage")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;

        var response = await session.GotoAsync(path);

        Assert.Equal(200, response.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=" + Regex.Escape(Uri.EscapeDataString(path)) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableFact]
    public async Task Auditor_may_read_the_audit_trail_but_not_administer_users()
    {
        await using var session = await fixture.NewSessionAsync(output);
        session.AllowConsoleError("status of 403");
        var page = session.Page;
        await session.SignInAsync("auditor@demo.salus.local", SalusServer.DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the hash chain" }).ClickAsync();
        await Expect(page.Locator("#chain-status")).ToHaveClassAsync("ok");

        var response = await session.GotoAsync("/admin/users");
        Assert.Equal(403, response.Status);
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
