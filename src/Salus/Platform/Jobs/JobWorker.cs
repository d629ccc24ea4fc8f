using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Platform.Audit;

namespace Salus.Platform.Jobs;

/// <summary>Leases due jobs and runs their handlers; one per process, safe to run on several nodes.</summary>
internal sealed partial class JobWorker(
    IServiceScopeFactory scopes, IOptions<JobsOptions> options, TimeProvider time, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            int ran;
            try
            {
                ran = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogPollFailed(logger, ex);
                ran = 0;
            }

            if (ran == 0)
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Runs one batch; returns how many jobs it ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Job> batch;
        using (var scope = scopes.CreateScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<JobQueue>().LeaseAsync(_owner, options.Value.BatchSize, cancellationToken);
        }

        if (options.Value.Parallelism <= 1)
        {
            foreach (var job in batch)
            {
                await RunAsync(job, cancellationToken);
            }
        }
        else
        {
            // Handlers are idempotent and already safe across nodes, so running several at once is like running several nodes.
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
                async (job, token) => await RunAsync(job, token));
        }

        return batch.Count;
    }

    private async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().ActAs("job", $"job:{job.Type}");
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Type);
        if (handler is null)
        {
            await queue.FailAsync(job, $"No handler is registered for job type '{job.Type}'.", cancellationToken);
            return;
        }

        try
        {
            await handler.HandleAsync(job, cancellationToken);
            await queue.CompleteAsync(job, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogJobFailed(logger, job.Id, job.Type, job.Attempts, ex.GetType().Name);
            await queue.FailAsync(job, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the job queue failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of type {JobType} failed on attempt {Attempt} with {ExceptionType}")]
    private static partial void LogJobFailed(ILogger logger, long jobId, string jobType, int attempt, string exceptionType);
}
