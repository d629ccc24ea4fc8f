using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Picker_switches_to_Italian_and_back_and_the_choice_survives_navigation()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await session.SignInAsync("agent.us@demo.salus.local", SalusServer.DemoPassword);
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Andy Agent");

        // site.js submits the picker on change.
        await page.GetByLabel("Language").SelectOptionAsync("it");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "it");
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Ti diamo il benvenuto, Andy Agent");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Esci" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "I tuoi ruoli" })).ToBeVisibleAsync();
        await Expect(page.Locator(".badge")).ToHaveTextAsync("Operatore della community");

        await page.GetByRole(AriaRole.Link, new() { Name = "Andy Agent" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/manage$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "it");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Il tuo account" })).ToBeVisibleAsync();
        await Expect(page.Locator("#twofactor-status")).ToHaveTextAsync("Non attiva");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cambia password" })).ToBeVisibleAsync();

        await page.GetByLabel("Lingua").SelectOptionAsync("en");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/account/manage$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        await session.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Andy Agent");

        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableFact]
    public async Task Without_JavaScript_the_change_language_button_switches_the_sign_in_page_to_Italian()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var session = await BrowserSession.OpenAsync(fixture.Browser, fixture.Demo, output, javaScript: false);
        var page = session.Page;
        await session.GotoAsync("/account/login");

        await page.GetByLabel("Language").SelectOptionAsync("it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "it");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accedi" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await session.GotoAsync("/account/denied");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accesso negato" })).ToBeVisibleAsync();
        session.AllowConsoleError("status of 403");
        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableFact]
    public async Task The_account_language_applies_at_sign_in_unless_this_browser_already_chose_one()
    {
        await using (var fresh = await fixture.NewSessionAsync(output))
        {
            await fresh.SignInAsync("agent.it@demo.salus.local", SalusServer.DemoPassword);
            await Expect(fresh.Page.Locator("html")).ToHaveAttributeAsync("lang", "it");
            await Expect(fresh.Page.Locator("#welcome")).ToHaveTextAsync("Ti diamo il benvenuto, Anna Agente");
            await fresh.AssertBrowserSawNoProblemsAsync();
        }

        await using var chosen = await fixture.NewSessionAsync(output);
        await chosen.GotoAsync("/account/login");
        await chosen.Page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();
        await Expect(chosen.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await chosen.SignInAsync("agent.it@demo.salus.local", SalusServer.DemoPassword);
        await Expect(chosen.Page.Locator("#welcome")).ToHaveTextAsync("Welcome, Anna Agente");
        await Expect(chosen.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await chosen.AssertBrowserSawNoProblemsAsync();
    }
}
