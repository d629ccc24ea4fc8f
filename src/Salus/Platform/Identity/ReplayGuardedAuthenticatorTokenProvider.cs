using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Salus.Platform.Identity;

/// <summary>
/// TOTP codes (RFC 6238, 30 s steps, one step of drift either way) that can be used once: the last accepted time step is
/// stored with the account, so a code seen over a shoulder or replayed by a proxy is refused, for sign-in and signatures alike.
/// </summary>
internal sealed class ReplayGuardedAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<SalusUser>
{
    private const string TokenProvider = "[Salus]";
    private const string LastStepToken = "TotpLastStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<SalusUser> manager, SalusUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
        if (long.TryParse(last, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        // The concurrency stamp makes two simultaneous uses of one code race: only one update wins.
        var saved = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
