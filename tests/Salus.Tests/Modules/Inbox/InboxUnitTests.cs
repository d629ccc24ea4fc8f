using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Modules.Inbox.Features.Ingest;

namespace Salus.Tests.Modules.Inbox;

/// <summary>Pure rules of the inbox: SLA business hours, shifts across time zones and midnight, safe highlighting.</summary>
public sealed class InboxUnitTests
{
    [Fact]
    public void Business_hours_sla_skips_nights_weekends_and_holidays()
    {
        var policy = new SlaPolicy { Name = "b", BusinessHoursOnly = true, TimeZone = "Europe/Rome", BusinessStart = new(9, 0), BusinessEnd = new(18, 0) };
        var holidays = new HashSet<DateOnly> { new(2026, 11, 9) };
        var clock = new SlaClock(policy, holidays);
        // Friday 6 November 2026, 17:00 Rome (16:00 UTC) + 4 working hours: 1 h on Friday, Monday 9th is a holiday, 3 h on Tuesday.
        var due = clock.Add(new DateTime(2026, 11, 6, 16, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(4));
        Assert.Equal(new DateTime(2026, 11, 10, 11, 0, 0, DateTimeKind.Utc), due); // 12:00 Rome
    }

    [Fact]
    public void Around_the_clock_sla_adds_plain_time()
    {
        var clock = new SlaClock(new SlaPolicy { Name = "24/7" }, new HashSet<DateOnly>());
        Assert.Equal(new DateTime(2026, 11, 7, 1, 0, 0, DateTimeKind.Utc), clock.Add(new DateTime(2026, 11, 6, 23, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_night_shift_crossing_midnight_in_new_york_is_active_after_midnight_utc()
    {
        var team = new Team { TimeZone = "America/New_York" };
        var shift = new Shift { StartLocal = new(22, 0), EndLocal = new(6, 0), Days = Shift.DaysOf(DayOfWeek.Monday) };
        var none = new HashSet<DateOnly>();
        Assert.True(ShiftClock.IsActive(shift, team, new DateTime(2026, 11, 3, 8, 0, 0, DateTimeKind.Utc), none)); // Tue 03:00 NY, started Monday
        Assert.False(ShiftClock.IsActive(shift, team, new DateTime(2026, 11, 4, 8, 0, 0, DateTimeKind.Utc), none)); // Wed 03:00 NY, Tuesday has no shift
        Assert.False(ShiftClock.IsActive(shift, team, new DateTime(2026, 11, 3, 12, 0, 0, DateTimeKind.Utc), none)); // Tue 07:00 NY
        Assert.False(ShiftClock.IsActive(shift, team, new DateTime(2026, 11, 3, 8, 0, 0, DateTimeKind.Utc), new HashSet<DateOnly> { new(2026, 11, 2) }));
    }

    [Fact]
    public void Highlighting_encodes_the_text_and_merges_overlapping_findings()
    {
        var text = "<b>Non ce la faccio più</b>, voglio farla finita & basta";
        var findings = new List<StoredFinding>
        {
            new("crisis", 3, 23, "suicidal", 0.9, "D1"), new("crisis", 26, 45, "suicidal", 0.9, "D1"), new("crisis", 33, 45, "suicidal", 0.9, "D1"),
            new("personal-data", 500, 600, null, 0.9, null),
        };
        var html = FindingHighlighter.Render(text, findings);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp; basta", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<mark ").Length - 1);
        Assert.Contains("\">Non ce la faccio pi", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_offset_inside_a_surrogate_pair_is_moved_to_its_start()
    {
        var text = "a😀b";
        var spans = FindingHighlighter.Spans(text, [new StoredFinding("abuse", 2, 4, null, 1, null)]);
        Assert.Equal((1, 4), (spans[0].Start, spans[0].End));
    }

    [Fact]
    public void Risk_order_is_crisis_then_adverse_event_then_medical_question_then_the_rest()
    {
        Assert.Equal(RiskPriority.Crisis, ItemScreening.PriorityOf(["adverse-event", "crisis"]));
        Assert.Equal(RiskPriority.AdverseEvent, ItemScreening.PriorityOf(["medical-inquiry", "adverse-event"]));
        Assert.Equal(RiskPriority.MedicalQuestion, ItemScreening.PriorityOf(["medical-inquiry", "drug-mention"]));
        Assert.Equal(RiskPriority.Normal, ItemScreening.PriorityOf(["drug-mention"]));
    }

    [Fact]
    public void Crisis_resources_are_data_for_italy_and_the_us_with_a_fallback()
    {
        Assert.Contains(CrisisResources.For("IT").Contacts, c => c.Contact.Contains("112", StringComparison.Ordinal));
        Assert.Contains(CrisisResources.For("us").Contacts, c => c.Contact.Contains("988", StringComparison.Ordinal));
        Assert.NotEmpty(CrisisResources.For("FR").Contacts);
    }
}
