namespace Salus.Platform.Jobs;

/// <summary>Handles one job type. Register with <see cref="JobsServiceCollectionExtensions.AddJobHandler{T}"/>.</summary>
public interface IJobHandler
{
    /// <summary>Runs the job. Must be idempotent: a job may run again after a crash before completion.</summary>
    Task HandleAsync(Job job, CancellationToken cancellationToken);
}
