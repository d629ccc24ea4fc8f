using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

/// <summary>Passkeys through Chromium's virtual WebAuthn authenticator (DevTools protocol): a real ceremony, no real device.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Email = "compliance@demo.salus.local"; // an English-language account

    [SkippableFact]
    public async Task User_adds_a_passkey_then_signs_in_with_it_without_a_password()
    {
        await using var session = await fixture.NewSessionAsync(output, host: "localhost");
        var page = session.Page;
        var authenticator = await AddVirtualAuthenticatorAsync(page);

        await session.SignInAsync(Email, SalusServer.DemoPassword);
        await session.GotoAsync("/account/manage");
        await Expect(page.Locator("#no-passkeys")).ToBeVisibleAsync();
        await page.GetByLabel("Name of the new passkey").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.Locator("#account-message")).ToHaveTextAsync("Passkey added. You can now sign in with it.");
        await Expect(page.Locator("#passkey-list .passkey-name")).ToHaveTextAsync("Test laptop");
        var credentials = await authenticator.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = AuthenticatorId! });
        Assert.Equal(1, credentials!.Value.GetProperty("credentials").GetArrayLength());

        await session.SignOutAsync();
        await session.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();
        await session.GotoAsync("/account/manage");
        await Expect(page.GetByText(Email)).ToBeVisibleAsync();
        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableFact]
    public async Task A_passkey_that_was_removed_no_longer_signs_in()
    {
        await using var session = await fixture.NewSessionAsync(output, host: "localhost");
        var page = session.Page;
        await AddVirtualAuthenticatorAsync(page);
        session.AllowConsoleError("status of 400");

        await session.SignInAsync("hr@demo.salus.local", SalusServer.DemoPassword);
        await session.GotoAsync("/account/manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.Locator("#passkey-list li")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(page.Locator("#no-passkeys")).ToBeVisibleAsync();

        await session.SignOutAsync();
        await session.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("The passkey was not accepted. Sign in with your password instead.");
    }

    private string? AuthenticatorId { get; set; }

    private async Task<ICDPSession> AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        AuthenticatorId = added!.Value.GetProperty("authenticatorId").GetString();
        return cdp;
    }
}
