using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Salus.Platform.Audit;

/// <summary>Computes the chained SHA-256 of an audit row over a canonical, provider-independent text.</summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry entry)
    {
        var canonical = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.TimestampUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            entry.ActorId, entry.ActorName, entry.Action, entry.EntityType, entry.EntityId,
            entry.OldValues ?? "\u0000", entry.NewValues ?? "\u0000", entry.Reason ?? "\u0000",
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds; truncating first makes the hash survive a round trip.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
