using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Salus.Platform.Audit;

/// <summary>Turns the change tracker's pending changes into audit rows (keys are read after saving).</summary>
internal static class AuditChangeCollector
{
    private const string Redacted = "***";

    // Identity columns that must never be copied into the trail.
    private static readonly HashSet<string> SensitiveNames = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Xml",
    };

    internal sealed record Pending(EntityEntry Entry, string Action, string? OldValues)
    {
        /// <summary>Known before saving for updates and deletions; read after saving for creations.</summary>
        public string? Key { get; set; }
    }

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                || entry.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, "created", null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, "deleted", Serialize(entry, p => p.OriginalValue, onlyModified: false)) { Key = KeyOf(entry) });
                    break;
                case EntityState.Modified:
                    var modified = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (modified.Count == 0)
                    {
                        continue;
                    }

                    pending.Add(new Pending(entry, "updated", Serialize(entry, p => p.OriginalValue, onlyModified: true)) { Key = KeyOf(entry) });
                    break;
                default:
                    break;
            }
        }

        return pending;
    }

    /// <summary>Values after the save, once database-generated keys are known.</summary>
    public static string? NewValues(Pending pending) => pending.Action switch
    {
        "created" => Serialize(pending.Entry, p => p.CurrentValue, onlyModified: false),
        "updated" => Serialize(pending.Entry, p => p.CurrentValue, onlyModified: true, pending.OldValues),
        _ => null,
    };

    public static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static string TypeOf(EntityEntry entry) => entry.Metadata.ClrType.Name;

    private static string Serialize(EntityEntry entry, Func<PropertyEntry, object?> value, bool onlyModified, string? sameKeysAs = null)
    {
        HashSet<string>? keys = null;
        if (sameKeysAs is not null)
        {
            keys = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(sameKeysAs)?.Keys.ToHashSet(StringComparer.Ordinal);
        }

        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (keys is not null ? !keys.Contains(name) : onlyModified && !(property.IsModified && !Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }

            values[name] = IsSensitive(entry, property) ? Redacted : value(property);
        }

        return JsonSerializer.Serialize(values);
    }

    private static bool IsSensitive(EntityEntry entry, PropertyEntry property)
    {
        if (SensitiveNames.Contains(property.Metadata.Name))
        {
            return true;
        }

        // Identity user tokens hold authenticator keys and recovery codes.
        if (property.Metadata.Name == "Value" && entry.Metadata.ClrType.Name.StartsWith("IdentityUserToken", StringComparison.Ordinal))
        {
            return true;
        }

        return property.Metadata.PropertyInfo?.GetCustomAttribute<AuditRedactAttribute>() is not null;
    }
}
