using Salus.Modules.Channels.Ingest;

namespace Salus.Tests.Modules.Channels;

/// <summary>The pacing of catch-up look-ups for a stream that reconnects often (no server, no clock).</summary>
public sealed class RecheckPacerTests
{
    private static readonly DateTime T0 = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Reconnects_inside_the_gap_share_one_look_up_at_its_end_and_none_is_dropped()
    {
        var pacer = new RecheckPacer(TimeSpan.FromMinutes(5));
        Assert.Equal(T0, Plan(pacer, T0)); // first connect: at once

        Assert.Equal(T0.AddMinutes(5), Plan(pacer, T0.AddSeconds(20))); // inside the gap: deferred to its end
        Assert.Null(pacer.Plan(T0.AddSeconds(40))); // covered by the deferred one, which runs after it
        Assert.Null(pacer.Plan(T0.AddMinutes(5)));

        Assert.Equal(T0.AddMinutes(10), Plan(pacer, T0.AddMinutes(5).AddSeconds(1))); // after the deferred one ran: the next slot
        Assert.Equal(T0.AddMinutes(30), Plan(pacer, T0.AddMinutes(30))); // long after: at once again
    }

    [Fact]
    public void Unsaved_plan_is_planned_again_and_a_zero_gap_looks_up_on_every_reconnect()
    {
        var pacer = new RecheckPacer(TimeSpan.FromMinutes(5));
        Assert.Equal(T0, pacer.Plan(T0)); // not committed (the save failed)
        Assert.Equal(T0.AddSeconds(1), pacer.Plan(T0.AddSeconds(1)));

        var eager = new RecheckPacer(TimeSpan.Zero);
        Assert.Equal(T0, Plan(eager, T0));
        Assert.Equal(T0, Plan(eager, T0));
        Assert.Equal(T0.AddSeconds(1), Plan(eager, T0.AddSeconds(1)));
    }

    private static DateTime? Plan(RecheckPacer pacer, DateTime now)
    {
        var at = pacer.Plan(now);
        if (at is { } scheduled)
        {
            pacer.Scheduled(scheduled);
        }

        return at;
    }
}
