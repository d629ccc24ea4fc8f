using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Media;

/// <summary>
/// Removes stored files that no media item refers to: an upload is renamed into the store before its row is saved, so a
/// failed save (or a crash in between) leaves a file nobody can reach. Items removed from the library keep their file
/// (their row remains, for the audit trail). Files younger than <see cref="MinimumAge"/> stay: their row may be on its way.
/// </summary>
public sealed partial class MediaOrphanSweep(IServiceScopeFactory scopes, MediaFileStore store, ILogger<MediaOrphanSweep> logger)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    /// <summary>Deletes the orphans; returns how many files went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var stored = store.StoredFiles().ToList();
        if (stored.Count == 0)
        {
            return 0;
        }

        HashSet<string> referenced;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
            referenced = (await db.Set<MediaAsset>().AsNoTracking().Where(m => m.Sha256 != null).Select(m => m.Sha256!).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
        }

        var now = DateTime.UtcNow; // file times are the file system's clock, not the application's
        int removed = 0;
        foreach (var (sha256, file) in stored)
        {
            file.Refresh();
            if (referenced.Contains(sha256) || !file.Exists || now - file.LastWriteTimeUtc < MinimumAge)
            {
                continue;
            }

            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // another node is sweeping or reading it: next time
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to delete: leave it
            }
        }

        if (removed > 0)
        {
            LogSwept(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media store: {Count} files no media item refers to were removed")]
    private static partial void LogSwept(ILogger logger, int count);
}

/// <summary>Runs <see cref="MediaOrphanSweep"/> every <see cref="MediaLibraryOptions.OrphanSweepMinutes"/>.</summary>
public sealed partial class MediaOrphanSweepService(MediaOrphanSweep sweep, IOptions<MediaLibraryOptions> options, TimeProvider time, ILogger<MediaOrphanSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int minutes = options.Value.OrphanSweepMinutes;
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(minutes), time, stoppingToken);
                try
                {
                    await sweep.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
                {
                    LogSweepFailed(logger, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media store sweep failed ({Error}); it runs again later")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
