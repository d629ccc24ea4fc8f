using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Signatures;

namespace Salus.Platform.Persistence;

/// <summary>
/// The one database of Salus. Every save that changes audited entities writes hash-chained
/// <see cref="AuditEntry"/> rows in the same transaction, so state and trail cannot diverge.
/// </summary>
public class SalusDbContext(DbContextOptions<SalusDbContext> options, AuditScope? audit = null, TimeProvider? time = null)
    : IdentityDbContext<SalusUser>(options), IDataProtectionKeyContext
{
    private readonly List<AuditEntry> _events = [];

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ElectronicSignature> Signatures => Set<ElectronicSignature>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Records a domain event (a sign-in, a failed signature...) with the next save.</summary>
    public void RecordEvent(string action, string entityType, string entityId, string? details = null, string? reason = null) =>
        _events.Add(new AuditEntry
        {
            Action = action, EntityType = entityType, EntityId = entityId, NewValues = details, Reason = reason,
        });

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalusDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditChangeCollector.Collect(ChangeTracker);
        if (pending.Count == 0 && _events.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockAuditChainAsync(cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            await AppendAuditRowsAsync(pending, cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            _events.Clear();
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private async Task LockAuditChainAsync(CancellationToken cancellationToken)
    {
        // SQLite transactions begin IMMEDIATE (one writer); PostgreSQL nodes serialise appends on an advisory lock.
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(73105)", cancellationToken);
        }
    }

    private async Task AppendAuditRowsAsync(List<AuditChangeCollector.Pending> pending, CancellationToken cancellationToken)
    {
        var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditHasher.Genesis;
        var now = AuditHasher.Truncate((time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        var (actorId, actorName) = audit?.Actor ?? ("system", "system");

        var rows = pending.Select(p => new AuditEntry
        {
            Action = p.Action,
            EntityType = AuditChangeCollector.TypeOf(p.Entry),
            EntityId = p.Key ?? AuditChangeCollector.KeyOf(p.Entry),
            OldValues = p.OldValues,
            NewValues = AuditChangeCollector.NewValues(p),
            Reason = audit?.Reason,
        }).Concat(_events.Select(e => { e.Reason ??= audit?.Reason; return e; })).ToList();

        foreach (var row in rows)
        {
            row.Sequence = ++sequence;
            row.TimestampUtc = now;
            row.ActorId = actorId;
            row.ActorName = actorName;
            row.PreviousHash = previous;
            row.Hash = AuditHasher.Compute(row);
            previous = row.Hash;
        }

        AuditEntries.AddRange(rows);
    }
}
