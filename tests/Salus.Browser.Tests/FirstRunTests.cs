using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string AdminEmail = "admin@salus.local";
    private const string NewPassword = "a long and private passphrase 2026";

    [SkippableFact]
    public async Task On_an_empty_database_the_printed_one_time_password_works_once_and_forces_a_password_change_first()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var server = await SalusServer.StartAsync(demo: false);
        output.WriteLine(server.InitialisationOutput);
        var oneTimePassword = server.OneTimePassword;
        Assert.False(string.IsNullOrEmpty(oneTimePassword), "Initialisation printed no one-time password:\n" + server.InitialisationOutput);
        Assert.Contains(AdminEmail, server.InitialisationOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo organisation", server.InitialisationOutput, StringComparison.Ordinal);

        await using var session = await fixture.NewSessionAsync(output, server);
        var page = session.Page;
        await session.SignInAsync(AdminEmail, oneTimePassword!);

        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await Expect(page.GetByText("Choose a new password before you continue")).ToBeVisibleAsync();

        // Nothing else is reachable before the change, pages or API.
        foreach (var path in (string[])["/", "/admin/users", "/audit", "/admin/jobs"])
        {
            await session.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        }

        var api = await session.Context.APIRequest.GetAsync("/api/me");
        Assert.Equal(403, api.Status);
        Assert.Contains("password-change-required", await api.TextAsync(), StringComparison.Ordinal);

        // Too short first: the rule is shown and nothing changes.
        await page.GetByLabel("Current password").FillAsync(oneTimePassword!);
        await page.GetByLabel("New password").FillAsync("short");
        await page.Locator("#change-password").EvaluateAsync("b => b.form.noValidate = true");
        await page.Locator("#change-password").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The password must be at least 12 characters long.");

        await page.GetByLabel("Current password").FillAsync(oneTimePassword!);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.Locator("#change-password").ClickAsync();

        await Expect(page).ToHaveURLAsync(server.BaseAddress.ToString());
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Administrator");
        await session.GotoAsync("/admin/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToBeVisibleAsync();
        await session.SignOutAsync();

        // The one-time password was used up.
        await session.SignInAsync(AdminEmail, oneTimePassword!);
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("The e-mail address or password is not correct.");

        await session.SignInAsync(AdminEmail, NewPassword);
        await Expect(page).ToHaveURLAsync(server.BaseAddress.ToString());
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Administrator");
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
