using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Persistence;

namespace Salus.Platform.Audit;

public sealed record AuditFilter(
    DateTime? FromUtc = null, DateTime? ToUtc = null, string? Actor = null, string? EntityType = null,
    string? EntityId = null, string? Action = null);

/// <summary>Reads and exports the trail for auditors.</summary>
public sealed class AuditQuery(SalusDbContext db)
{
    public IQueryable<AuditEntry> Filter(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.TimestampUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(a => a.TimestampUtc <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.ActorName.Contains(filter.Actor) || a.ActorId == filter.Actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        return query;
    }

    public Task<List<AuditEntry>> PageAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default) =>
        Filter(filter).OrderByDescending(a => a.Sequence).Skip(skip).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);

    /// <summary>Writes the filtered trail as CSV (RFC 4180), oldest first, streaming.</summary>
    public async Task ExportCsvAsync(AuditFilter filter, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        await csv.WriteRecordAsync(
            ["sequence", "timestamp_utc", "actor_id", "actor_name", "action", "entity_type", "entity_id",
             "old_values", "new_values", "reason", "previous_hash", "hash"], cancellationToken);
        await foreach (var row in Filter(filter).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
                [row.Sequence.ToString(CultureInfo.InvariantCulture),
                 row.TimestampUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
                 row.ActorId, row.ActorName, row.Action, row.EntityType, row.EntityId,
                 row.OldValues ?? "", row.NewValues ?? "", row.Reason ?? "", row.PreviousHash, row.Hash], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
