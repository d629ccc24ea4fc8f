namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// Paces the catch-up look-ups of one stream, so a flapping connection does not look up the same statuses on every
/// reconnect: at most one look-up per <paramref name="gap"/>. A reconnect inside the gap is not dropped but covered:
/// by the look-up already scheduled after it, or by one scheduled when the gap ends.
/// </summary>
internal sealed class RecheckPacer(TimeSpan gap)
{
    private DateTime _nextAllowedUtc = DateTime.MinValue;
    private DateTime _scheduledUtc = DateTime.MinValue;

    /// <summary>When the look-up for a reconnect at <paramref name="nowUtc"/> should run; null when one already scheduled at or after it covers it.</summary>
    public DateTime? Plan(DateTime nowUtc) =>
        nowUtc >= _nextAllowedUtc ? nowUtc
        : _scheduledUtc < nowUtc ? _nextAllowedUtc
        : null;

    /// <summary>The planned look-up was committed (called only after the save, so a failed save plans again).</summary>
    public void Scheduled(DateTime atUtc)
    {
        _scheduledUtc = atUtc;
        _nextAllowedUtc = atUtc + gap;
    }
}
