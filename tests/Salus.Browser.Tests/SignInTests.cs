using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Demo_user_signs_in_sees_their_name_and_after_signing_out_home_redirects_to_sign_in()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;

        await session.SignInAsync("mlr@demo.salus.local", SalusServer.DemoPassword);

        await Expect(page).ToHaveURLAsync(session.Server.BaseAddress.ToString());
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Morgan Reviewer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Morgan Reviewer" })).ToBeVisibleAsync();
        // Role keys are identifiers; SharedResource.en.resx gives them display names.
        await Expect(page.Locator(".badge")).ToHaveTextAsync("MLR reviewer");

        await session.SignOutAsync();
        await session.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableFact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_session()
    {
        await using var session = await fixture.NewSessionAsync(output);

        await session.SignInAsync("lead@demo.salus.local", "not-the-password");

        await Expect(session.Page.Locator("#login-error")).ToHaveTextAsync("The e-mail address or password is not correct.");
        await session.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new Regex("/account/login"));
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
