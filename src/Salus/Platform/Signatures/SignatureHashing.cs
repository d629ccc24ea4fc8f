using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Salus.Platform.Signatures;

public static class SignatureHashing
{
    /// <summary>SHA-256 (lower-case hex) of a record version's canonical content.</summary>
    public static string HashRecord(string canonicalContent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalContent)));

    public static string Seal(ElectronicSignature s)
    {
        var canonical = string.Join('\u001f',
            s.Id.ToString("N"), s.RecordType, s.RecordId, s.RecordHash, s.Meaning.ToString(), s.SignerId, s.PrintedName,
            s.SignedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), s.Comment ?? "\u0000",
            s.SecondFactorVerified ? "2fa" : "1fa");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
