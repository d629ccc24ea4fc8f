using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Sla;

public enum SlaTarget
{
    FirstResponse,
    NextResponse,
    Resolution,
}

public sealed record SlaCheck(Guid ConversationId, SlaTarget Target, DateTime DueUtc, bool Warning);

/// <summary>
/// Sets a conversation's deadlines from the SLA policy that fits it and schedules durable checks: a warning when
/// <see cref="SlaPolicy.WarnAtPercent"/> of the time has passed, an escalation at the deadline. A check that finds the
/// deadline moved or met does nothing, so rescheduling never needs to cancel jobs.
/// </summary>
public sealed class SlaService(SalusDbContext db, JobQueue jobs, RotaQueries rota)
{
    public const string JobType = "inbox.sla-check";

    public async Task<SlaPolicy> PolicyForAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var stored = await db.Set<SlaPolicy>().AsNoTracking().ToListAsync(cancellationToken);
        var candidates = stored.Count > 0 ? stored : SlaPolicy.BuiltIn;
        return candidates.Where(p => p.AppliesTo(conversation.Priority, conversation.Market))
            .OrderByDescending(p => p.Specificity).FirstOrDefault()
            ?? SlaPolicy.BuiltIn.First(p => p.Priority is null);
    }

    /// <summary>A new conversation: first response and resolution run from when the first item was received.</summary>
    public async Task StartAsync(Conversation conversation, DateTime receivedUtc, CancellationToken cancellationToken)
    {
        var policy = await PolicyForAsync(conversation, cancellationToken);
        var clock = await ClockAsync(policy, conversation, cancellationToken);
        conversation.SlaPolicyName = policy.Name;
        conversation.SlaState = SlaState.Running;
        conversation.FirstResponseDueUtc = clock.Add(receivedUtc, TimeSpan.FromMinutes(policy.FirstResponseMinutes));
        conversation.ResolutionDueUtc = clock.Add(receivedUtc, TimeSpan.FromMinutes(policy.ResolutionMinutes));
        Schedule(conversation.Id, SlaTarget.FirstResponse, receivedUtc, conversation.FirstResponseDueUtc.Value, policy);
        Schedule(conversation.Id, SlaTarget.Resolution, receivedUtc, conversation.ResolutionDueUtc.Value, policy);
    }

    /// <summary>The risk rose (an edit revealed a crisis): tighten the first-response deadline if it is still open.</summary>
    public async Task RetargetAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        if (conversation.FirstResponseUtc is not null || conversation.Status == ConversationStatus.Resolved)
        {
            return;
        }

        var policy = await PolicyForAsync(conversation, cancellationToken);
        var clock = await ClockAsync(policy, conversation, cancellationToken);
        var due = clock.Add(conversation.CreatedUtc, TimeSpan.FromMinutes(policy.FirstResponseMinutes));
        if (conversation.FirstResponseDueUtc is null || due < conversation.FirstResponseDueUtc)
        {
            conversation.SlaPolicyName = policy.Name;
            conversation.FirstResponseDueUtc = due;
            Schedule(conversation.Id, SlaTarget.FirstResponse, conversation.CreatedUtc, due, policy);
        }
    }

    /// <summary>The person wrote again after an answer: the next response is due.</summary>
    public async Task InboundAfterReplyAsync(Conversation conversation, DateTime receivedUtc, CancellationToken cancellationToken)
    {
        if (conversation.FirstResponseUtc is null || conversation.NextResponseDueUtc is not null)
        {
            return; // still waiting for the first answer, or already waiting for the next one
        }

        var policy = await PolicyForAsync(conversation, cancellationToken);
        var clock = await ClockAsync(policy, conversation, cancellationToken);
        conversation.NextResponseDueUtc = clock.Add(receivedUtc, TimeSpan.FromMinutes(policy.NextResponseMinutes));
        if (conversation.SlaState == SlaState.Met)
        {
            conversation.SlaState = SlaState.Running;
        }

        Schedule(conversation.Id, SlaTarget.NextResponse, receivedUtc, conversation.NextResponseDueUtc.Value, policy);
    }

    /// <summary>An agent answered: the open response deadline is met.</summary>
    public static void Responded(Conversation conversation, DateTime nowUtc)
    {
        conversation.FirstResponseUtc ??= nowUtc;
        conversation.LastAgentReplyUtc = nowUtc;
        conversation.NextResponseDueUtc = null;
        if (conversation.SlaState == SlaState.Warning)
        {
            conversation.SlaState = SlaState.Running;
        }
    }

    public static void Resolved(Conversation conversation, DateTime nowUtc)
    {
        conversation.ResolvedUtc = nowUtc;
        conversation.NextResponseDueUtc = null;
        if (conversation.SlaState != SlaState.Breached)
        {
            conversation.SlaState = SlaState.Met;
        }
    }

    private void Schedule(Guid conversationId, SlaTarget target, DateTime startUtc, DateTime dueUtc, SlaPolicy policy)
    {
        var warnAt = startUtc + ((dueUtc - startUtc) * (Math.Clamp(policy.WarnAtPercent, 1, 99) / 100.0));
        foreach (var (runAt, warning) in new[] { (warnAt, true), (dueUtc, false) })
        {
            var check = new SlaCheck(conversationId, target, dueUtc, warning);
            jobs.Add(JobType, JsonSerializer.Serialize(check), runAt, $"sla:{conversationId:N}:{target}:{(warning ? "warn" : "due")}:{dueUtc.Ticks}");
        }
    }

    private async Task<SlaClock> ClockAsync(SlaPolicy policy, Conversation conversation, CancellationToken cancellationToken) =>
        new(policy, policy.BusinessHoursOnly ? await rota.HolidaysForMarketAsync(conversation.Market, cancellationToken) : new HashSet<DateOnly>());
}
