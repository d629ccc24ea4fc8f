using System.Security.Cryptography;
using System.Text;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// The platforms' webhook algorithms, in one place so the connectors and the sandbox (which signs like the real
/// platforms) cannot drift apart. Every comparison is constant-time.
/// </summary>
public static class WebhookSignatures
{
    /// <summary>Meta <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(app secret, raw body)&gt;</c>.</summary>
    public static string MetaSignature256(ReadOnlySpan<byte> body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>
    /// WebSub / Meta style <c>algo=hex</c> header (<c>sha1</c> from Google's hub, <c>sha256</c> from Meta and others).
    /// Returns false for a missing header, an unknown algorithm or a wrong digest.
    /// </summary>
    public static bool VerifyHubSignature(ReadOnlySpan<byte> body, string? header, string secret, bool allowSha1)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var separator = header.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        var algorithm = header[..separator].Trim().ToLowerInvariant();
        var key = Encoding.UTF8.GetBytes(secret);
        byte[] expected;
        switch (algorithm)
        {
            case "sha256":
                expected = HMACSHA256.HashData(key, body);
                break;
            case "sha1" when allowSha1:
#pragma warning disable CA5350 // WebSub hubs (YouTube's included) sign with HMAC-SHA1; HMAC-SHA1 is not broken as a MAC.
                expected = HMACSHA1.HashData(key, body);
#pragma warning restore CA5350
                break;
            case "sha384":
                expected = HMACSHA384.HashData(key, body);
                break;
            case "sha512":
                expected = HMACSHA512.HashData(key, body);
                break;
            default:
                return false;
        }

        return TryHex(header[(separator + 1)..].Trim(), out var given) && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>WebSub signature as a hub computes it, for the sandbox hub.</summary>
    public static string HubSignature(ReadOnlySpan<byte> body, string secret, string algorithm = "sha1")
    {
        var key = Encoding.UTF8.GetBytes(secret);
#pragma warning disable CA5350 // See VerifyHubSignature.
        var digest = algorithm == "sha1" ? HMACSHA1.HashData(key, body) : HMACSHA256.HashData(key, body);
#pragma warning restore CA5350
        return algorithm + "=" + Convert.ToHexStringLower(digest);
    }

    /// <summary>X CRC: <c>{"response_token":"sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}</c>.</summary>
    public static string XCrcResponseToken(string crcToken, string consumerSecret) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), Encoding.UTF8.GetBytes(crcToken)));

    /// <summary>X <c>x-twitter-webhooks-signature: sha256=&lt;base64 HMAC-SHA256(consumer secret, raw body)&gt;</c>.</summary>
    public static string XSignature(ReadOnlySpan<byte> body, string consumerSecret) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), body));

    public static bool VerifyXSignature(ReadOnlySpan<byte> body, string? header, string consumerSecret)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(consumerSecret)
            || !header.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(header[7..].Trim(), given, out var written) || written != 32)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), body);
        return CryptographicOperations.FixedTimeEquals(given[..written], expected);
    }

    /// <summary>LinkedIn validation: <c>challengeResponse = hex(HMAC-SHA256(client secret, challengeCode))</c>.</summary>
    public static string LinkedInChallengeResponse(string challengeCode, string clientSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(challengeCode)));

    /// <summary>The text LinkedIn prefixes to the raw body before computing <c>X-LI-Signature</c>.</summary>
    public const string LinkedInSignedPrefix = "hmacsha256=";

    /// <summary>
    /// LinkedIn <c>X-LI-Signature</c>: hex HMAC-SHA256(client secret, <c>"hmacsha256="</c> + raw body), the header carrying
    /// the bare hex (reading B of the reference vectors, LinkedIn's wording "the POST body prefixed by hmacsha256=").
    /// </summary>
    public static string LinkedInSignature(ReadOnlySpan<byte> body, string clientSecret) =>
        Convert.ToHexStringLower(LinkedInMac(body, clientSecret));

    /// <summary>Exactly <see cref="LinkedInSignature"/> (hex in either case); a MAC of the bare body, or a labelled header value, is refused.</summary>
    public static bool VerifyLinkedInSignature(ReadOnlySpan<byte> body, string? header, string clientSecret)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(clientSecret))
        {
            return false;
        }

        return TryHex(header.Trim(), out var given) && CryptographicOperations.FixedTimeEquals(given, LinkedInMac(body, clientSecret));
    }

    private static byte[] LinkedInMac(ReadOnlySpan<byte> body, string clientSecret)
    {
        var message = new byte[LinkedInSignedPrefix.Length + body.Length];
        Encoding.ASCII.GetBytes(LinkedInSignedPrefix, message);
        body.CopyTo(message.AsSpan(LinkedInSignedPrefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), message);
    }

    /// <summary>The delivery id of a webhook that carries none: identical redeliveries share it.</summary>
    public static string BodyEventId(ReadOnlySpan<byte> body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));

    private static bool TryHex(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length == 0 || hex.Length % 2 != 0)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
