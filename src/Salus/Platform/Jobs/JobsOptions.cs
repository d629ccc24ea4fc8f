using System.ComponentModel.DataAnnotations;

namespace Salus.Platform.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Salus:Jobs";

    /// <summary>Run the background worker in this process (turn off on web-only nodes).</summary>
    public bool RunWorker { get; set; } = true;

    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 500;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Jobs of a leased batch run at the same time (each in its own scope), as if on that many nodes.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 1;

    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    [Range(1, 3600)]
    public int BaseBackoffSeconds { get; set; } = 2;

    [Range(1, 86_400)]
    public int MaxBackoffSeconds { get; set; } = 3600;
}
