using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Inbox;

/// <summary>Priority, search, assignment, SLA timers, screened replies and routing, through the sink, the jobs and the HTTP API.</summary>
public abstract class InboxWorkflowTests(SalusApp app) : InboxTestBase(app)
{
    [SkippableFact]
    public async Task The_inbox_lists_crisis_first_then_adverse_events_then_medical_questions_then_the_rest()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var name = "prio-" + channel.ToString("N")[..8];
        await DeliverAsync(Comment(channel, "n", "Grazie per le informazioni", author: "a1", channelName: name, at: Now));
        await DeliverAsync(Comment(channel, "m", "Posso prendere l'ibuprofene in gravidanza?", author: "a2", channelName: name, at: Now));
        await DeliverAsync(Comment(channel, "c", "Non ce la faccio più, voglio farla finita.", author: "a3", channelName: name, at: Now));
        await DeliverAsync(Comment(channel, "a", "Dopo la Tachipirina ho avuto un forte mal di testa.", author: "a4", channelName: name, at: Now));

        var agent = await App.SignInAsync(Demo.Agent);
        var rows = (await agent.GetFromJsonAsync<List<ConversationRow>>($"/api/inbox/conversations?channel={name}", Json))!;
        Assert.Equal([RiskPriority.Crisis, RiskPriority.AdverseEvent, RiskPriority.MedicalQuestion, RiskPriority.Normal], rows.Select(r => r.Priority));
        Assert.Equal(InboxQueues.Urgent, rows[0].Queue);
        Assert.Equal(InboxQueues.MedicalInformation, rows[2].Queue);

        var found = await agent.GetFromJsonAsync<List<ConversationRow>>($"/api/inbox/conversations?channel={name}&q=MAL%20di%20TESTA", Json);
        Assert.Equal(RiskPriority.AdverseEvent, Assert.Single(found!).Priority);
        var accents = await agent.GetFromJsonAsync<List<ConversationRow>>($"/api/inbox/conversations?channel={name}&q=piu", Json);
        Assert.Equal(RiskPriority.Crisis, Assert.Single(accents!).Priority);
        var byCategory = await agent.GetFromJsonAsync<List<ConversationRow>>($"/api/inbox/conversations?channel={name}&category=medical-inquiry", Json);
        Assert.Single(byCategory!);
    }

    [SkippableFact]
    public async Task Assignment_is_round_robin_among_agents_on_shift_within_capacity()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync("lead@demo.salus.local");
        var users = await lead.GetFromJsonAsync<JsonElement>("/api/inbox/rota", Json);
        var team = await ReadAsync<IdResponse>(await lead.PostAsJsonAsync("/api/inbox/rota/teams", new { name = "Team FR", timeZone = "Europe/Paris", markets = "FR" }));
        var ids = await UserIdsAsync();
        // Start from empty hands: capacity counts every open conversation an agent holds, including other tests'.
        string[] agents = [ids["agent.it@demo.salus.local"], ids["agent.us@demo.salus.local"]];
        await QueryAsync(db => db.Set<Conversation>().Where(c => c.AssigneeId != null && agents.Contains(c.AssigneeId))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ConversationStatus.Resolved)));
        var allDays = Enum.GetValues<DayOfWeek>();
        foreach (var email in new[] { "agent.it@demo.salus.local", "agent.us@demo.salus.local" })
        {
            await ReadAsync<IdResponse>(await lead.PostAsJsonAsync("/api/inbox/rota/shifts",
                new { teamId = team.Id, userId = ids[email], label = "all day", days = allDays, start = "00:00", end = "00:00", onCall = false, capacity = 2 }, Json));
        }

        // Medical information is on this team too, but only 03:00-04:00 Paris: never on shift at 10:00.
        await ReadAsync<IdResponse>(await lead.PostAsJsonAsync("/api/inbox/rota/shifts",
            new { teamId = team.Id, userId = ids["medinfo@demo.salus.local"], label = "night", days = allDays, start = "03:00", end = "04:00", onCall = false, capacity = 9 }, Json));

        var channel = Guid.NewGuid();
        var assignees = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            await DeliverAsync(Comment(channel, $"fr{i}", "Merci pour la vidéo", market: "FR", author: $"fr-author-{i}", at: Now));
            assignees.Add((await ConversationOfAsync(channel, $"fr{i}")).AssigneeId);
        }

        Assert.NotEqual(assignees[0], assignees[1]);
        Assert.Equal(assignees[0], assignees[2]);
        Assert.Equal(assignees[1], assignees[3]);
        Assert.Null(assignees[4]); // both agents hold 2 open conversations: capacity reached
        Assert.DoesNotContain(ids["medinfo@demo.salus.local"], assignees);
        Assert.True(users.GetProperty("teams").GetArrayLength() >= 2);

        // Manual assignment by a person always works.
        var conversation = await ConversationOfAsync(channel, "fr4");
        var agent = await App.SignInAsync(Demo.Agent);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/assign", new { assigneeId = ids["medinfo@demo.salus.local"] })).StatusCode);
        Assert.Equal(ids["medinfo@demo.salus.local"], (await ConversationOfAsync(channel, "fr4")).AssigneeId);
    }

    [SkippableFact]
    public async Task Sla_warns_before_the_deadline_and_escalates_to_the_on_call_lead_on_breach()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "s1", "Thanks for the update", market: "US", author: "sla-1", language: "en", at: Now));
        var conversation = await ConversationOfAsync(channel, "s1");
        Assert.Equal("Standard", conversation.SlaPolicyName);
        Assert.Equal(Now.UtcDateTime.AddMinutes(240), DateTime.SpecifyKind(conversation.FirstResponseDueUtc!.Value, DateTimeKind.Utc));

        App.Factory.Clock.Advance(TimeSpan.FromMinutes(179));
        await RunJobsAsync();
        Assert.Equal(SlaState.Running, (await ConversationOfAsync(channel, "s1")).SlaState);

        App.Factory.Clock.Advance(TimeSpan.FromMinutes(2)); // 181 min: past the 75 % warning
        await RunJobsAsync();
        Assert.Equal(SlaState.Warning, (await ConversationOfAsync(channel, "s1")).SlaState);
        Assert.True(await QueryAsync(db => db.Set<InboxNotification>().AnyAsync(n => n.ConversationId == conversation.Id && n.Kind == NotificationKind.SlaWarning)));

        App.Factory.Clock.Advance(TimeSpan.FromMinutes(60)); // 241 min: breached
        await RunJobsAsync();
        Assert.Equal(SlaState.Breached, (await ConversationOfAsync(channel, "s1")).SlaState);
        var breach = await QueryAsync(db => db.Set<InboxNotification>().SingleAsync(n => n.ConversationId == conversation.Id && n.Kind == NotificationKind.SlaBreach));
        var leadId = (await UserIdsAsync())["lead@demo.salus.local"];
        Assert.Equal(leadId, breach.RecipientId);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("InboxNotification") && a.EntityId == breach.Id.ToString())));
    }

    [SkippableFact]
    public async Task A_reply_before_the_deadline_meets_the_sla_and_no_escalation_follows()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "s2", "Where can I find the leaflet?", market: "US", author: "sla-2", language: "en", at: Now));
        var conversation = await ConversationOfAsync(channel, "s2");
        var agent = await App.SignInAsync(Demo.Agent);
        App.Factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var reply = await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { text = "You can find it on our website, in the product section." });
        Assert.Equal("Sent", (await ReadAsync<JsonElement>(reply)).GetProperty("status").GetString());

        App.Factory.Clock.Advance(TimeSpan.FromHours(5));
        await RunJobsAsync();
        var after = await ConversationOfAsync(channel, "s2");
        Assert.NotEqual(SlaState.Breached, after.SlaState);
        Assert.Equal(ConversationStatus.Waiting, after.Status);
        Assert.False(await QueryAsync(db => db.Set<InboxNotification>().AnyAsync(n => n.ConversationId == conversation.Id && n.Kind == NotificationKind.SlaBreach && n.Message.Contains("first response"))));

        // The person writes again: the next response is due, per the policy.
        await DeliverAsync(Comment(channel, "s2b", "Thank you! And the dosage?", market: "US", author: "sla-2", language: "en", at: Now));
        var reopened = await ConversationOfAsync(channel, "s2");
        Assert.Equal(ConversationStatus.Open, reopened.Status);
        Assert.Equal(Now.UtcDateTime.AddMinutes(480), DateTime.SpecifyKind(reopened.NextResponseDueUtc!.Value, DateTimeKind.Utc));
    }

    [SkippableFact]
    public async Task A_reply_with_personal_data_is_blocked_and_never_reaches_the_platform()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "r1", "Ciao, avete novità?", author: "r-1", at: Now));
        var conversation = await ConversationOfAsync(channel, "r1");
        var agent = await App.SignInAsync(Demo.Agent);
        var response = await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { text = "Il suo codice fiscale RSSMRA80A01H501U risulta registrato." });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("reply.blocked", problem, StringComparison.Ordinal);
        Assert.Contains("personal-data", problem, StringComparison.Ordinal);
        Assert.Empty(Channel.For(channel));
        Assert.Equal(ReplyStatus.Blocked, (await QueryAsync(db => db.Set<OutboundReply>().SingleAsync(r => r.ConversationId == conversation.Id))).Status);
    }

    [SkippableFact]
    public async Task A_reply_the_policy_sends_for_review_waits_for_mlr_and_is_sent_on_approval()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "r2", "Which one should I buy?", market: "US", author: "r-2", language: "en", at: Now));
        var conversation = await ConversationOfAsync(channel, "r2");
        var agent = await App.SignInAsync(Demo.Agent);
        var held = await ReadAsync<JsonElement>(await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { text = "Xarelto is the best drug and cures everything" }));
        Assert.Equal("PendingReview", held.GetProperty("status").GetString());
        Assert.Empty(Channel.For(channel));

        var id = held.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/inbox/replies/{id}/review", new { approve = true })).StatusCode);
        var mlr = await App.SignInAsync("mlr@demo.salus.local");
        var sent = await ReadAsync<JsonElement>(await mlr.PostAsJsonAsync($"/api/inbox/replies/{id}/review", new { approve = true }));
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.Equal("reply", Assert.Single(Channel.For(channel)).Action);
    }

    [SkippableFact]
    public async Task An_expired_saved_reply_is_refused_and_an_approved_one_is_sent_with_its_variables_and_video()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "r3", "Come si fa a segnalare?", author: "r-3", name: "Lucia Bianchi", language: "it", at: Now));
        var conversation = await ConversationOfAsync(channel, "r3");
        var expired = await QueryAsync(db => db.Set<SavedReply>().SingleAsync(r => r.Key == "old-campaign"));
        var approved = await QueryAsync(db => db.Set<SavedReply>().SingleAsync(r => r.Key == "thanks" && r.Language == "it"));
        var video = await QueryAsync(db => db.Set<MediaAsset>().FirstAsync(m => m.Kind == MediaKind.Video && m.Language == "it"));
        var agent = await App.SignInAsync(Demo.Agent);

        var refused = await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { savedReplyId = expired.Id });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Channel.For(channel));

        // A saved reply that MLR approved but whose approval lapses later is refused from that moment on.
        var sent = await ReadAsync<JsonElement>(await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { savedReplyId = approved.Id, mediaIds = new[] { video.Id } }));
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        var call = Assert.Single(Channel.For(channel));
        Assert.StartsWith("Grazie Lucia!", call.Text, StringComparison.Ordinal);
        Assert.Contains(video.Url, call.Text, StringComparison.Ordinal);
        Assert.Equal("r3", call.Target);
    }

    [SkippableFact]
    public async Task A_saved_reply_is_usable_only_after_mlr_approval_and_until_its_expiry()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync("lead@demo.salus.local");
        var created = await ReadAsync<IdResponse>(await lead.PostAsJsonAsync("/api/inbox/saved-replies",
            new { key = "t-" + Guid.NewGuid().ToString("N")[..6], title = "Test", language = "en", body = "Hi {{name}}, see {{media}}", purpose = "General" }, Json));
        var bad = await lead.PostAsJsonAsync("/api/inbox/saved-replies", new { title = "Bad", language = "en", body = "Hi {{nmae}}", purpose = "General" }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("nmae", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "r4", "Hello there", market: "US", author: "r-4", name: "Sam Doe", language: "en", at: Now));
        var conversation = await ConversationOfAsync(channel, "r4");
        var agent = await App.SignInAsync(Demo.Agent);
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { savedReplyId = created.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/inbox/saved-replies/{created.Id}/approve", new { expiresUtc = Now.AddDays(1) })).StatusCode);
        var mlr = await App.SignInAsync("mlr@demo.salus.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await mlr.PostAsJsonAsync($"/api/inbox/saved-replies/{created.Id}/approve", new { expiresUtc = Now.AddDays(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await mlr.PostAsJsonAsync($"/api/inbox/saved-replies/{created.Id}/approve", new { expiresUtc = Now.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { savedReplyId = created.Id })).StatusCode);

        App.Factory.Clock.Advance(TimeSpan.FromDays(2));
        agent = await App.SignInAsync(Demo.Agent); // the session itself expired meanwhile
        var lapsed = await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { savedReplyId = created.Id });
        Assert.True(lapsed.StatusCode == HttpStatusCode.Conflict, await lapsed.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task An_adverse_event_is_proposed_to_pharmacovigilance_and_the_item_marked()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var text = "Ho preso la Tachipirina ieri sera e stamattina ho avuto un forte mal di testa e nausea.";
        await DeliverAsync(Comment(channel, "ae1", text, author: "ae-1", at: Now));
        await RunJobsAsync();
        var item = await ItemAsync(channel, "ae1");
        var (caseId, signal) = Intake.Proposals[item.Id.ToString()];
        Assert.Equal(caseId, item.PvCaseId);
        Assert.Equal("pharmacovigilance", item.RoutedTo);
        Assert.Equal(text, signal.Text);
        Assert.Equal("screening", signal.FlaggedBy);
        Assert.Contains(signal.Products, p => p.Name == "Tachipirina");
        Assert.Contains(signal.Reactions, r => r.Text == "mal di testa");

        // Redelivery and rerunning change nothing.
        await DeliverAsync(Comment(channel, "ae1", text, author: "ae-1", at: Now));
        await RunJobsAsync();
        Assert.Equal(caseId, (await ItemAsync(channel, "ae1")).PvCaseId);
    }

    [SkippableFact]
    public async Task A_private_message_is_offered_to_pharmacovigilance_as_a_follow_up()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "dm1", "Ho 45 anni, lo prendo da due settimane.", author: "dm-author", kind: InboundItemKind.PrivateMessage, at: Now));
        await RunJobsAsync();
        var message = Assert.Single(Intake.FollowUps, f => f.ChannelId == channel);
        Assert.Equal("dm-author", message.ReporterPlatformId);
        Assert.Equal("dm1", message.PlatformItemId);
        Assert.Equal("pharmacovigilance-follow-up", (await ItemAsync(channel, "dm1")).RoutedTo);
    }

    [SkippableFact]
    public async Task A_crisis_pages_the_on_call_lead_with_the_market_crisis_lines()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "cr1", "I can't go on, I want to kill myself", market: "US", author: "cr-1", language: "en", at: Now));
        await RunJobsAsync();
        var conversation = await ConversationOfAsync(channel, "cr1");
        Assert.Equal(RiskPriority.Crisis, conversation.Priority);
        Assert.Equal(InboxQueues.Urgent, conversation.Queue);
        var page = await QueryAsync(db => db.Set<InboxNotification>().SingleAsync(n => n.ConversationId == conversation.Id && n.Kind == NotificationKind.CrisisPage));
        Assert.Equal((await UserIdsAsync())["lead@demo.salus.local"], page.RecipientId);
        Assert.Contains("988", page.Message, StringComparison.Ordinal);

        var lead = await App.SignInAsync("lead@demo.salus.local");
        var html = await lead.GetStringAsync($"/inbox/conversations/{conversation.Id}");
        Assert.Contains("988 Suicide", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"finding crisis\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_medical_question_moves_to_private_with_the_standard_reply_and_personal_data_is_hidden()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "mq1", "Posso prendere l'ibuprofene in gravidanza? Il mio codice fiscale è RSSMRA80A01H501U", author: "mq-1", name: "Marta Verdi", language: "it", at: Now));
        var conversation = await ConversationOfAsync(channel, "mq1");
        Assert.Equal(InboxQueues.MedicalInformation, conversation.Queue);
        var medinfo = await App.SignInAsync("medinfo@demo.salus.local");
        var queue = await medinfo.GetFromJsonAsync<List<ConversationRow>>("/api/inbox/conversations?queue=medical-information", Json);
        Assert.Contains(queue!, r => r.Id == conversation.Id);

        var agent = await App.SignInAsync(Demo.Agent);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/move-to-private", new { })).StatusCode);
        var calls = Channel.For(channel);
        Assert.Equal(["reply", "hide", "private"], calls.Select(c => c.Action));
        Assert.StartsWith("Gentile Marta", calls[0].Text, StringComparison.Ordinal);
        Assert.True((await ItemAsync(channel, "mq1")).Hidden);
        Assert.True((await ConversationOfAsync(channel, "mq1")).MovedToPrivate);
    }

    [SkippableFact]
    public async Task Notes_status_and_bulk_actions_change_conversations()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "b1", "uno", author: "b-1", at: Now));
        await DeliverAsync(Comment(channel, "b2", "due", author: "b-2", at: Now));
        var first = await ConversationOfAsync(channel, "b1");
        var second = await ConversationOfAsync(channel, "b2");
        var agent = await App.SignInAsync(Demo.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/inbox/conversations/{first.Id}/notes", new { text = "Chiamare domani" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync($"/api/inbox/conversations/{first.Id}/notes", new { text = "" })).StatusCode);
        var bulk = await agent.PostAsJsonAsync("/api/inbox/conversations/bulk", new { conversationIds = new[] { first.Id, second.Id }, action = "status", status = "Resolved" }, Json);
        Assert.Equal(2, (await ReadAsync<JsonElement>(bulk)).GetProperty("updated").GetInt32());
        Assert.Equal(ConversationStatus.Resolved, (await ConversationOfAsync(channel, "b2")).Status);
        Assert.Equal(SlaState.Met, (await ConversationOfAsync(channel, "b2")).SlaState);
        Assert.Equal("Chiamare domani", await QueryAsync(db => db.Set<InboxNote>().Where(n => n.ConversationId == first.Id).Select(n => n.Text).SingleAsync()));
        var missing = await agent.PostAsJsonAsync("/api/inbox/conversations/bulk", new { conversationIds = new[] { first.Id, Guid.NewGuid() }, action = "status", status = "Open" }, Json);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(ConversationStatus.Resolved, (await ConversationOfAsync(channel, "b1")).Status);

        var item = await ItemAsync(channel, "b1");
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync($"/api/inbox/items/{item.Id}/delete", new { })).StatusCode);
        Assert.Equal("delete", Assert.Single(Channel.For(channel)).Action);
        Assert.True((await ItemAsync(channel, "b1")).DeletedOnPlatform);
    }

    [SkippableFact]
    public async Task The_inbox_page_and_metrics_render_for_their_roles()
    {
        App.SkipIfUnavailable();
        var agent = await App.SignInAsync(Demo.Agent);
        var inbox = await agent.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal("no-store", inbox.Headers.CacheControl?.ToString());
        Assert.Contains("<h1>Posta in arrivo</h1>", await inbox.Content.ReadAsStringAsync(), StringComparison.Ordinal); // Anna's language
        var lead = await App.SignInAsync("lead@demo.salus.local");
        var metrics = await lead.GetStringAsync("/inbox/metrics");
        Assert.Contains("<svg class=\"chart\"", metrics, StringComparison.Ordinal);
        var stream = await agent.GetStringAsync("/api/inbox/stream?once=true");
        Assert.Contains("event: hello", stream, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_same_person_on_two_channels_is_linked_by_an_agent_and_their_history_shows_both()
    {
        App.SkipIfUnavailable();
        var facebook = Guid.NewGuid();
        var instagram = Guid.NewGuid();
        await DeliverAsync(Comment(facebook, "p1", "Ciao da Facebook", author: "fb-9", name: "Teresa Neri", at: Now));
        await DeliverAsync(Comment(instagram, "p2", "Ciao da Instagram", author: "ig-9", name: "Teresa Neri", at: Now) with { Kind = ChannelKind.Instagram });
        var first = await ConversationOfAsync(facebook, "p1");
        var second = await ConversationOfAsync(instagram, "p2");
        Assert.NotEqual(first.PersonId, second.PersonId); // never merged automatically

        var agent = await App.SignInAsync(Demo.Agent); // Anna works in Italian
        var page = await agent.GetStringAsync($"/inbox/conversations/{first.Id}");
        Assert.Contains("Stessa persona: collega Teresa Neri", page, StringComparison.Ordinal);

        var merged = await agent.PostAsJsonAsync($"/api/inbox/people/{second.PersonId}/merge", new { intoPersonId = first.PersonId });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var rows = await agent.GetFromJsonAsync<List<ConversationRow>>($"/api/inbox/conversations?person={first.PersonId}", Json);
        Assert.Equal(2, rows!.Count);
        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/inbox/conversations/{first.Id}", Json);
        Assert.Equal(second.Id, detail.GetProperty("history")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, detail.GetProperty("identities").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync($"/api/inbox/people/{first.PersonId}/merge", new { intoPersonId = first.PersonId })).StatusCode);
    }

    [SkippableFact]
    public async Task A_business_hours_sla_counts_only_working_time_and_leads_can_add_policies()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync("lead@demo.salus.local");
        var invalid = await lead.PostAsJsonAsync("/api/inbox/sla-policies", new { name = "", firstResponseMinutes = 0, nextResponseMinutes = 10, resolutionMinutes = 10, timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("firstResponseMinutes", problem, StringComparison.Ordinal);
        Assert.Contains("timeZone", problem, StringComparison.Ordinal);
        var added = await lead.PostAsJsonAsync("/api/inbox/sla-policies", new
        {
            name = "Standard DE", market = "DE", firstResponseMinutes = 120, nextResponseMinutes = 240, resolutionMinutes = 960,
            businessHoursOnly = true, timeZone = "Europe/Berlin", businessStart = "09:00", businessEnd = "17:00",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        // The next Friday 17:30 Berlin (16:30 UTC) is after hours: the two working hours run Monday 09:00-11:00 Berlin.
        var day = Now.UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Friday)
        {
            day = day.AddDays(1);
        }

        var friday = new DateTimeOffset(day.AddHours(16).AddMinutes(30), TimeSpan.Zero);
        App.Factory.Clock.SetUtcNow(friday);
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "de1", "Danke für das Video", market: "DE", author: "de-1", at: friday));
        var conversation = await ConversationOfAsync(channel, "de1");
        Assert.Equal("Standard DE", conversation.SlaPolicyName);
        Assert.Equal(day.AddDays(3).AddHours(10), DateTime.SpecifyKind(conversation.FirstResponseDueUtc!.Value, DateTimeKind.Utc));
    }

    [SkippableFact]
    public async Task The_paged_lead_acknowledges_a_crisis_page()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "ack1", "Voglio farla finita", author: "ack-1", language: "it", at: Now));
        await RunJobsAsync();
        var conversation = await ConversationOfAsync(channel, "ack1");
        var page = await QueryAsync(db => db.Set<InboxNotification>().SingleAsync(n => n.ConversationId == conversation.Id && n.Kind == NotificationKind.CrisisPage));
        var agent = await App.SignInAsync(Demo.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsJsonAsync($"/api/inbox/notifications/{page.Id}/acknowledge", new { })).StatusCode);
        var lead = await App.SignInAsync("lead@demo.salus.local");
        var mine = await lead.GetFromJsonAsync<JsonElement>("/api/inbox/notifications", Json);
        Assert.Contains(mine.EnumerateArray(), n => n.GetProperty("id").GetGuid() == page.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync($"/api/inbox/notifications/{page.Id}/acknowledge", new { })).StatusCode);
        Assert.NotNull((await QueryAsync(db => db.Set<InboxNotification>().SingleAsync(n => n.Id == page.Id))).AcknowledgedUtc);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private Task<Dictionary<string, string>> UserIdsAsync() =>
        QueryAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u.Id));

    public sealed record IdResponse(Guid Id);
}

public sealed class InboxWorkflowTests_Sqlite(InboxSqliteApp app) : InboxWorkflowTests(app), IClassFixture<InboxSqliteApp>;

public sealed class InboxWorkflowTests_Postgres(InboxPostgresApp app) : InboxWorkflowTests(app), IClassFixture<InboxPostgresApp>;
