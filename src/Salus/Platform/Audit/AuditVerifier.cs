using Microsoft.EntityFrameworkCore;
using Salus.Platform.Persistence;

namespace Salus.Platform.Audit;

public sealed record AuditVerification(long RowsChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool Intact => FirstBrokenSequence is null;
}

/// <summary>Recomputes the hash chain from the first row and names the first row that does not fit.</summary>
public sealed class AuditVerifier(SalusDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previous = AuditHasher.Genesis;
        long expected = 1;
        long checkedRows = 0;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            checkedRows++;
            if (row.Sequence != expected)
            {
                return new(checkedRows, row.Sequence, $"row {expected} is missing (found {row.Sequence} next)");
            }

            if (row.PreviousHash != previous)
            {
                return new(checkedRows, row.Sequence, "its previous-hash does not match the row before it");
            }

            if (AuditHasher.Compute(row) != row.Hash)
            {
                return new(checkedRows, row.Sequence, "its content does not match its hash (the row was altered)");
            }

            previous = row.Hash;
            expected++;
        }

        return new(checkedRows, null, null);
    }
}
