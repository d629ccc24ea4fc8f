using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Pages_open_to_everyone_have_main_lang_labelled_fields_and_their_stylesheet()
    {
        await using var session = await fixture.NewSessionAsync(output);
        session.AllowConsoleError("status of 403");
        foreach (var (path, status) in (IEnumerable<(string, int)>)[("/account/login", 200), ("/account/logout", 200), ("/account/denied", 403), ("/error", 200)])
        {
            var response = await session.GotoAsync(path);
            Assert.Equal(status, response.Status);
            await session.AssertPageIsAccessibleAsync();
        }

        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("it")]
    public async Task Every_page_an_administrator_sees_has_main_lang_labelled_fields_and_its_stylesheet(string language)
    {
        await using var session = await fixture.NewSessionAsync(output);
        await session.Context.AddCookiesAsync(
        [
            new() { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = session.Server.BaseAddress.ToString() },
        ]);
        await session.SignInAsync("admin@demo.salus.local", SalusServer.DemoPassword);
        await Expect(session.Page.Locator("#welcome")).ToBeVisibleAsync();

        foreach (var path in (string[])["/", "/account/manage", "/account/two-factor", "/account/change-password", "/admin/users", "/admin/jobs", "/audit"])
        {
            var response = await session.GotoAsync(path);
            Assert.Equal(200, response.Status);
            await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await session.AssertPageIsAccessibleAsync();
        }

        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableFact]
    public async Task Skip_link_moves_keyboard_focus_to_the_main_content()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await session.GotoAsync("/account/login");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
