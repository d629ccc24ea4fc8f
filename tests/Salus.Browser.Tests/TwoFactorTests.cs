using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Email = "medinfo@demo.salus.local";

    [SkippableFact]
    public async Task User_turns_on_authenticator_2fa_gets_recovery_codes_and_is_asked_for_a_fresh_code_at_next_sign_in()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await session.SignInAsync(Email, SalusServer.DemoPassword);
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        // A wrong code is refused (one in a million chance that the "wrong" code is valid in the ±2 step window... times five).
        var enrolmentCode = totp.ComputeTotp();
        var wrong = ((int.Parse(enrolmentCode, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Code").FillAsync(wrong);
        await page.Locator("#enable-2fa").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The code is not correct.");

        // The key stays the same after a failed attempt; the right code turns 2FA on.
        Assert.Equal(key, (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        enrolmentCode = totp.ComputeTotp();
        await page.GetByLabel("Code").FillAsync(enrolmentCode);
        await page.Locator("#enable-2fa").ClickAsync();
        await Expect(page.Locator("#twofactor-enabled")).ToBeVisibleAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        var recoveryCodes = await page.Locator("#recovery-codes li").AllInnerTextsAsync();

        await session.GotoAsync("/account/manage");
        await Expect(page.Locator("#twofactor-status")).ToHaveTextAsync("On");
        await session.SignOutAsync();

        // Password alone is no longer enough.
        await session.SignInAsync(Email, SalusServer.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication" })).ToBeVisibleAsync();
        await session.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$"));

        await session.SignInAsync(Email, SalusServer.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await page.GetByLabel("Code").FillAsync(FreshCode(totp, enrolmentCode));
        await page.Locator("#verify-code").ClickAsync();
        await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Mike Medinfo");
        await session.SignOutAsync();

        // A recovery code works instead of the authenticator, as shown (XXXXX-XXXXX) or typed without the dash.
        foreach (var recoveryCode in (string[])[recoveryCodes[0].Trim(), recoveryCodes[1].Trim().Replace("-", "", StringComparison.Ordinal)])
        {
            await session.SignInAsync(Email, SalusServer.DemoPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
            await page.GetByLabel("Code").FillAsync(recoveryCode);
            await page.Locator("#verify-code").ClickAsync();
            await Expect(page.Locator("#welcome")).ToHaveTextAsync("Welcome, Mike Medinfo");
            await session.SignOutAsync();
        }

        await session.AssertBrowserSawNoProblemsAsync();
    }

    /// <summary>
    /// The current code, or, if the 30-second step has not moved on since enrolment, the next step's code (the server
    /// accepts ±2 steps): never the code already used, and no waiting.
    /// </summary>
    private static string FreshCode(Totp totp, string used)
    {
        var code = totp.ComputeTotp();
        return code != used ? code : totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30));
    }
}
