namespace Salus.Modules.Inbox.Domain;

/// <summary>Whether a weekly shift is running at an instant, in its team's time zone.</summary>
public static class ShiftClock
{
    public static bool IsActive(Shift shift, Team team, DateTime utc, IReadOnlySet<DateOnly> holidays)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var overnight = shift.EndLocal <= shift.StartLocal;

        if (StartsOn(shift, today, holidays) && time >= shift.StartLocal && (overnight || time < shift.EndLocal))
        {
            return true;
        }

        var yesterday = today.AddDays(-1);
        return overnight && StartsOn(shift, yesterday, holidays) && time < shift.EndLocal;
    }

    private static bool StartsOn(Shift shift, DateOnly day, IReadOnlySet<DateOnly> holidays) =>
        shift.RunsOn(day.DayOfWeek)
        && (shift.ValidFrom is null || day >= shift.ValidFrom)
        && (shift.ValidTo is null || day <= shift.ValidTo)
        && (shift.OnCall || !holidays.Contains(day));
}
