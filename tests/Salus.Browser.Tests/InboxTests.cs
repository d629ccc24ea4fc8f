using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Platform.Persistence;
using Salus.Platform.Results;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

/// <summary>An agent on shift works an Italian side-effect comment from arrival to pharmacovigilance.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private sealed class RecordingChannel : IChannelActions
    {
        public ConcurrentQueue<string> Replies { get; } = new();

        public Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, CancellationToken cancellationToken)
        {
            Replies.Enqueue(text);
            return Task.FromResult(Result<string>.Success("reply-1"));
        }

        public Task<Result<string>> SendPrivateMessageAsync(Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken) =>
            Task.FromResult(Result<string>.Success("dm-1"));

        public Task<Result<string>> HideAsync(Guid channelId, string platformItemId, bool hidden, CancellationToken cancellationToken) => Task.FromResult(Result<string>.Success("ok"));

        public Task<Result<string>> DeleteAsync(Guid channelId, string platformItemId, CancellationToken cancellationToken) => Task.FromResult(Result<string>.Success("ok"));
    }

    private sealed class RecordingIntake : IAdverseEventIntake
    {
        public ConcurrentQueue<AdverseEventSignal> Signals { get; } = new();

        public Task<Guid> ProposeAsync(AdverseEventSignal signal, CancellationToken cancellationToken)
        {
            Signals.Enqueue(signal);
            return Task.FromResult(Guid.Parse("0b5e0000-0000-7000-8000-000000000001"));
        }

        public Task<bool> TryAttachFollowUpAsync(FollowUpMessage message, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    [SkippableFact]
    public async Task Agent_on_shift_answers_an_italian_side_effect_comment_with_an_approved_reply_and_a_video_and_it_reaches_pharmacovigilance()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var channel = new RecordingChannel();
        var intake = new RecordingIntake();
        await using var server = await SalusServer.StartAsync(demo: true, configure: b =>
        {
            b.Services.AddSingleton<IChannelActions>(channel);
            b.Services.AddSingleton<IAdverseEventIntake>(intake);
        });

        // Anna is on shift now, whatever the hour the test runs, and the only Italian agent on duty: the demo rota's lead
        // shift (weekdays 9–18 Rome) would otherwise take every other conversation in the round robin.
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
            var team = await db.Set<Team>().SingleAsync(t => t.Name == "Team Italia");
            var anna = await db.Users.SingleAsync(u => u.Email == "agent.it@demo.salus.local");
            db.Set<Shift>().RemoveRange(await db.Set<Shift>().Where(s => s.TeamId == team.Id && s.UserId != anna.Id && !s.OnCall).ToListAsync());
            db.Set<Shift>().Add(new Shift { TeamId = team.Id, UserId = anna.Id, UserName = anna.DisplayName, Label = "test", StartLocal = new(0, 0), EndLocal = new(0, 0), Capacity = 50 });
            await db.SaveChangesAsync();
        }

        var text = "Ho preso la Tachipirina ieri sera e stamattina ho avuto un forte mal di testa e nausea.";
        using (var scope = server.Services.CreateScope())
        {
            var now = DateTimeOffset.UtcNow;
            await scope.ServiceProvider.GetRequiredService<IInboundItemSink>().AcceptAsync(new InboundItem(
                Guid.NewGuid(), ChannelKind.Facebook, "Salus Italia (Facebook)", "IT", "evt-browser-1", InboundChange.Created, InboundItemKind.Comment,
                "cmt-browser-1", "post-7", "post-7", "fb-user-7", "francesca.b", "Francesca Bruno", text, "it", null, now, now), CancellationToken.None);
        }

        await using var session = await fixture.NewSessionAsync(output, server);
        var page = session.Page;
        await session.SignInAsync("agent.it@demo.salus.local", SalusServer.DemoPassword);
        await session.GotoAsync("/inbox?assignee=me");

        // Prioritised and flagged: an adverse event sorts above the ordinary comments and carries its category.
        var row = page.Locator("tr[data-conversation]", new() { HasText = "Francesca Bruno" });
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("priority-adverseevent"));
        await Expect(row.Locator(".badge.cat.adverse-event")).ToBeVisibleAsync();
        var priorities = await page.Locator("tr[data-conversation]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.className)");
        var mine = Array.FindIndex(priorities, c => c.Contains("priority-adverseevent", StringComparison.Ordinal));
        Assert.DoesNotContain(priorities.Take(mine), c => c.Contains("priority-normal", StringComparison.Ordinal) || c.Contains("priority-medicalquestion", StringComparison.Ordinal));

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("mark.finding.adverse-event")).ToContainTextAsync("mal di testa");
        await Expect(page.Locator("mark.finding.drug-mention")).ToContainTextAsync("Tachipirina");

        await page.Locator("#savedReplyId").SelectOptionAsync(new SelectOptionValue { Label = await page.Locator("#savedReplyId option", new() { HasText = "Segnalazione ricevuta" }).InnerTextAsync() });
        await page.Locator("label.check", new() { HasText = "Come segnalare un effetto indesiderato" }).Locator("input").CheckAsync();
        await page.Locator("#reply-form button[type=submit]").ClickAsync();

        await Expect(page.Locator("article.reply.reply-sent")).ToContainTextAsync("Gentile Francesca");
        var sent = Assert.Single(channel.Replies);
        Assert.Contains("https://media.demo.salus.local/video/segnalare-effetti.mp4", sent, StringComparison.Ordinal);

        // The durable job hands it to pharmacovigilance; the page shows the case once it has.
        for (var i = 0; i < 40 && !intake.Signals.Any(s => s.Text == text); i++)
        {
            await Task.Delay(250);
        }

        var signal = Assert.Single(intake.Signals, s => s.Text == text); // the demo's own side-effect comment is proposed too
        Assert.Equal("Salus Italia (Facebook)", signal.Channel);
        Assert.Equal("screening", signal.FlaggedBy);
        await session.GotoAsync(new Uri(page.Url).PathAndQuery);
        await Expect(page.Locator(".badge.pv-case")).ToBeVisibleAsync();
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
