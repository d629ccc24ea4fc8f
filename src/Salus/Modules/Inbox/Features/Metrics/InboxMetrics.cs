using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Metrics;

public sealed record Bar(string Label, double Value, string Display);

public sealed record Attainment(string Group, int Met, int Missed)
{
    public double Percent => Met + Missed == 0 ? 0 : 100.0 * Met / (Met + Missed);
}

public sealed record InboxMetricsReport(
    DateTime FromUtc, DateTime ToUtc, int Conversations, int Items, IReadOnlyList<Bar> VolumeByChannel, IReadOnlyList<Bar> VolumeByDay,
    IReadOnlyList<Bar> VolumeByPriority, IReadOnlyList<Bar> FirstResponseDistribution, double? MedianFirstResponseMinutes,
    IReadOnlyList<Attainment> SlaByChannel, IReadOnlyList<Attainment> SlaByShift);

/// <summary>The team lead's numbers over a period: volumes, first-response times, first-response SLA attainment by channel and shift.</summary>
public sealed class InboxMetrics(SalusDbContext db, TimeProvider time)
{
    private static readonly (string Label, double MaxMinutes)[] Buckets =
        [("< 15 min", 15), ("15-30 min", 30), ("30-60 min", 60), ("1-2 h", 120), ("2-4 h", 240), ("4-24 h", 1440), ("> 24 h", double.MaxValue)];

    public async Task<InboxMetricsReport> ReportAsync(int days, CancellationToken cancellationToken)
    {
        var to = time.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-Math.Clamp(days, 1, 366));
        var conversations = await db.Set<Conversation>().AsNoTracking().Where(c => c.CreatedUtc >= from && c.CreatedUtc <= to).ToListAsync(cancellationToken);
        var items = await db.Set<InboxItem>().AsNoTracking().Where(i => i.ReceivedUtc >= from && i.ReceivedUtc <= to)
            .Select(i => new { i.ConversationId, i.ReceivedUtc }).ToListAsync(cancellationToken);
        var channelOf = conversations.ToDictionary(c => c.Id, c => c.ChannelName);

        var byChannel = items.GroupBy(i => channelOf.GetValueOrDefault(i.ConversationId, "?")).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Bar(g.Key, g.Count(), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var byDay = items.GroupBy(i => DateOnly.FromDateTime(i.ReceivedUtc)).OrderBy(g => g.Key)
            .Select(g => new Bar(g.Key.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), g.Count(), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var byPriority = conversations.GroupBy(c => c.Priority).OrderBy(g => g.Key)
            .Select(g => new Bar(g.Key.ToString(), g.Count(), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var responseMinutes = conversations.Where(c => c.FirstResponseUtc is not null).Select(c => (c.FirstResponseUtc!.Value - c.CreatedUtc).TotalMinutes).Order().ToList();
        var distribution = Buckets.Select((b, index) =>
        {
            var min = index == 0 ? double.MinValue : Buckets[index - 1].MaxMinutes;
            var count = responseMinutes.Count(m => m >= min && m < b.MaxMinutes);
            return new Bar(b.Label, count, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
        double? median = responseMinutes.Count == 0 ? null : responseMinutes[responseMinutes.Count / 2];

        var judged = conversations.Select(c => (c, Met: Met(c, to))).Where(x => x.Met is not null).ToList();
        var slaByChannel = judged.GroupBy(x => x.c.ChannelName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Attainment(g.Key, g.Count(x => x.Met == true), g.Count(x => x.Met == false))).ToList();
        var slaByShift = judged.GroupBy(x => x.c.ShiftLabel ?? "no shift").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Attainment(g.Key, g.Count(x => x.Met == true), g.Count(x => x.Met == false))).ToList();

        return new InboxMetricsReport(from, to, conversations.Count, items.Count, byChannel, byDay, byPriority, distribution, median, slaByChannel, slaByShift);
    }

    /// <summary>First-response SLA: met, missed, or not yet decided (null).</summary>
    private static bool? Met(Conversation c, DateTime now)
    {
        if (c.FirstResponseDueUtc is not { } due)
        {
            return null;
        }

        if (c.FirstResponseUtc is { } answered)
        {
            return answered <= due;
        }

        return now > due ? false : null;
    }
}
