namespace Salus.Modules.Inbox.Domain;

/// <summary>
/// Response and resolution targets for conversations of a risk level (null = any) in a market (null = any). Business-hours
/// policies count only working time in <see cref="TimeZone"/> (Monday to Friday, outside the market's holidays).
/// </summary>
public sealed class SlaPolicy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public RiskPriority? Priority { get; set; }

    public string? Market { get; set; }

    public int FirstResponseMinutes { get; set; }

    public int NextResponseMinutes { get; set; }

    public int ResolutionMinutes { get; set; }

    public bool BusinessHoursOnly { get; set; }

    public string TimeZone { get; set; } = "UTC";

    public TimeOnly BusinessStart { get; set; } = new(9, 0);

    public TimeOnly BusinessEnd { get; set; } = new(18, 0);

    /// <summary>A warning goes out when this share of the allowed time has passed.</summary>
    public int WarnAtPercent { get; set; } = 75;

    /// <summary>How well the policy fits: more specific wins.</summary>
    public int Specificity => (Priority is null ? 0 : 2) + (Market is null ? 0 : 1);

    public bool AppliesTo(RiskPriority priority, string market) =>
        (Priority is null || Priority == priority) && (Market is null || string.Equals(Market, market, StringComparison.OrdinalIgnoreCase));

    /// <summary>Used when no policy is stored: around the clock, tighter for higher risk.</summary>
    public static IReadOnlyList<SlaPolicy> BuiltIn { get; } =
    [
        new() { Name = "built-in crisis", Priority = RiskPriority.Crisis, FirstResponseMinutes = 15, NextResponseMinutes = 15, ResolutionMinutes = 240 },
        new() { Name = "built-in adverse event", Priority = RiskPriority.AdverseEvent, FirstResponseMinutes = 60, NextResponseMinutes = 120, ResolutionMinutes = 1440 },
        new() { Name = "built-in medical question", Priority = RiskPriority.MedicalQuestion, FirstResponseMinutes = 120, NextResponseMinutes = 240, ResolutionMinutes = 2880 },
        new() { Name = "built-in standard", FirstResponseMinutes = 240, NextResponseMinutes = 480, ResolutionMinutes = 4320 },
    ];
}

/// <summary>Adds working time: around the clock, or within daily business hours on weekdays that are not holidays.</summary>
public sealed class SlaClock(SlaPolicy policy, IReadOnlySet<DateOnly> holidays)
{
    public DateTime Add(DateTime startUtc, TimeSpan duration)
    {
        if (!policy.BusinessHoursOnly)
        {
            return Seconds(startUtc + duration);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone);
        var remaining = duration;
        var cursor = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        // At most a few years of days; a policy with no working day at all would otherwise never end.
        for (var guard = 0; guard < 2000; guard++)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(cursor, zone);
            var day = DateOnly.FromDateTime(local);
            var open = ToUtc(day, policy.BusinessStart, zone);
            var close = ToUtc(day, policy.BusinessEnd, zone);
            if (IsWorkingDay(day) && cursor < close)
            {
                var from = cursor < open ? open : cursor;
                var available = close - from;
                if (remaining <= available)
                {
                    return Seconds(from + remaining);
                }

                remaining -= available;
            }

            cursor = ToUtc(day.AddDays(1), TimeOnly.MinValue, zone);
        }

        throw new InvalidOperationException($"SLA policy '{policy.Name}' has no working time.");
    }

    /// <summary>Whole seconds in UTC: PostgreSQL keeps microseconds, SQLite ticks; a deadline must compare equal on both.</summary>
    public static DateTime Seconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    private static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // skipped by a daylight-saving jump
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
