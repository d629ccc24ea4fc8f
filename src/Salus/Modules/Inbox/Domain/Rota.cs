namespace Salus.Modules.Inbox.Domain;

/// <summary>A team working in one time zone for some markets (<c>*</c> = all).</summary>
public sealed class Team
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Comma-separated markets, or <c>*</c>.</summary>
    public string Markets { get; set; } = "*";

    public bool Covers(string market) => Markets == "*" || Markets.Split(',', StringSplitOptions.TrimEntries).Contains(market, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A weekly shift of one person in the team's time zone (it may cross midnight). On-call shifts page; others take
/// assignments up to <see cref="Capacity"/> open conversations.
/// </summary>
public sealed class Shift
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>Days the shift starts on, as a bit set of <see cref="DayOfWeek"/> (Sunday = 1).</summary>
    public int Days { get; set; } = 0b111_1111;

    public TimeOnly StartLocal { get; set; }

    public TimeOnly EndLocal { get; set; }

    public bool OnCall { get; set; }

    public int Capacity { get; set; } = 8;

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool RunsOn(DayOfWeek day) => (Days & (1 << (int)day)) != 0;

    public static int DaysOf(params DayOfWeek[] days) => days.Aggregate(0, (bits, d) => bits | (1 << (int)d));
}

/// <summary>A day without regular shifts (on-call still pages) and outside business hours, for a team or a market.</summary>
public sealed class Holiday
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? TeamId { get; set; }

    public string? Market { get; set; }

    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>What the outgoing shift tells the next one.</summary>
public sealed class HandoverNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

/// <summary>When an agent was last given a conversation: the round-robin cursor.</summary>
[Salus.Platform.Audit.NotAudited]
public sealed class AgentAssignmentCursor
{
    public string UserId { get; set; } = "";

    public DateTime LastAssignedUtc { get; set; }
}
