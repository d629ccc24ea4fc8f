using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>
/// Demo mode: creates the sandbox channels once, then lets a scripted mix of Italian and English comments arrive
/// (side effects, one told on a brand page without naming the medicine, medical questions, a crisis, praise, complaints) through each platform's real path: signed
/// webhooks for Meta, X (mentions and a direct message) and LinkedIn, the live stream for Mastodon, and polling for
/// YouTube, WordPress and the feed.
/// </summary>
internal sealed partial class DemoTraffic(
    IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, IHttpClientFactory clients, SandboxState state,
    IOptions<ChannelsOptions> options, TimeProvider time, ILogger<DemoTraffic> logger) : BackgroundService
{
    public const string DeliveryClient = "sandbox-delivery";

    /// <summary>One scripted arrival; <paramref name="Private"/>: a direct message rather than a public comment (X).</summary>
    public sealed record Line(ChannelKind Kind, string Author, string Text, bool Private = false);

    public static readonly IReadOnlyList<Line> Script =
    [
        new(ChannelKind.Facebook, "Giulia Bianchi", "Dopo la seconda compressa di Tachipirina mi è venuta un'orticaria su tutto il corpo e prurito fortissimo. È normale? Devo smettere?"),
        new(ChannelKind.X, "jenny_runs", "@salusdemo can I take ibuprofen together with my blood pressure pills? My doctor is away this week."),
        new(ChannelKind.YouTube, "marco.fit", "Video molto chiaro, grazie! Finalmente ho capito come usare l'inalatore."),
        new(ChannelKind.Instagram, "la_vale_82", "Mia figlia ha 6 anni, posso darle lo sciroppo per la tosse che usa il fratello grande? Che dose?"),
        new(ChannelKind.Mastodon, "sam@mastodon.example", "@salusdemo honestly I can't go on anymore. I have saved up all my pills and I want to end it tonight."),
        new(ChannelKind.WordPress, "Roberto", "Articolo utile. Però in farmacia da me il prodotto è introvabile da settimane, quando torna disponibile?"),
        new(ChannelKind.LinkedIn, "Dr. Emily Carter", "Great initiative on patient education. Is there a version of these materials for clinicians?"),
        new(ChannelKind.Facebook, "Luca Verdi", "Ho preso l'antibiotico e dopo due giorni ho avuto diarrea forte e febbre. Qualcuno ha avuto lo stesso?"),
        new(ChannelKind.X, "mike_t", "@salusdemo after starting the new statin I've had terrible muscle pain in my legs for a week."),
        new(ChannelKind.YouTube, "anna_r", "Quanto tempo devo aspettare tra una dose e l'altra? Sul foglietto non è chiaro."),
        new(ChannelKind.Rss, "Salus newsroom", "Salus Demo Pharma partners with patient associations for a new awareness campaign"),
        // On the brand page (the channel's product is Tachipirina): no medicine named, still an adverse event of it.
        new(ChannelKind.Instagram, "fede.m_91", "Da due settimane ho una nausea terribile e non dormo."),
        new(ChannelKind.Mastodon, "lea@fosstodon.example", "@salusdemo thanks for answering so quickly yesterday, the leaflet helped a lot."),
        new(ChannelKind.X, "anna_k", "Writing privately: since I started the new inhaler my heart races at night. Should I stop it?", Private: true),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }

        var self = SelfBaseUrl();
        if (self is null)
        {
            return;
        }

        try
        {
            var channels = await EnsureChannelsAsync(self, stoppingToken);
            var interval = TimeSpan.FromSeconds(options.Value.Sandbox.DemoIntervalSeconds);
            foreach (var line in Script)
            {
                await Task.Delay(interval, time, stoppingToken);
                await EmitAsync(self, channels, line, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is HttpRequestException or DbUpdateException or InvalidOperationException)
        {
            LogDemoFailed(logger, ex);
        }
    }

    private async Task<Dictionary<ChannelKind, Channel>> EnsureChannelsAsync(string self, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().ActAs("system", "sandbox demo");
        var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
        var existing = await db.Set<Channel>().Where(c => c.IsSandbox).ToListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            var directory = scope.ServiceProvider.GetRequiredService<ChannelDirectory>();
            existing = [.. SandboxChannels.Create(self, time.GetUtcNow().UtcDateTime, directory.ProtectCredentials)];
            db.Set<Channel>().AddRange(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        return existing.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.First());
    }

    private async Task EmitAsync(string self, Dictionary<ChannelKind, Channel> channels, Line line, CancellationToken cancellationToken)
    {
        if (!channels.TryGetValue(line.Kind, out var channel))
        {
            return;
        }

        var author = "u" + Math.Abs(line.Author.GetHashCode(StringComparison.Ordinal));
        string? webhook = null;
        switch (line.Kind)
        {
            case ChannelKind.Facebook:
                var fb = state.Add("facebook", $"{SandboxChannels.FacebookPageId}_139560936744456", author, line.Author, line.Text, id: $"139560936744456_{state.NewId("graph")}");
                webhook = SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, fb);
                break;
            case ChannelKind.Instagram:
                webhook = SandboxMeta.InstagramCommentPayload(SandboxChannels.InstagramAccountId, state.Add("instagram", "18172143295349192", author, line.Author, line.Text));
                break;
            case ChannelKind.X when line.Private:
                webhook = SandboxX.DirectMessagePayload(SandboxX.ReceiveDirectMessage(state, author, line.Author, line.Text));
                break;
            case ChannelKind.X:
                webhook = SandboxX.MentionPayload(state.Add("x", "", author, line.Author, line.Text));
                break;
            case ChannelKind.LinkedIn:
                webhook = SandboxLinkedIn.CommentNotification(state.Add("linkedin", SandboxLinkedIn.Activity, "urn:li:person:" + author, line.Author, line.Text));
                break;
            case ChannelKind.YouTube:
                state.Add("youtube", "dQw4w9WgXcQ", "UC" + author, line.Author, line.Text);
                break;
            case ChannelKind.Mastodon:
                state.Add("mastodon", "", author, line.Author, line.Text);
                break;
            case ChannelKind.WordPress:
                state.Add("wordpress", "42", "0", line.Author, line.Text);
                break;
            default:
                state.Add("rss", "news", "newsroom", line.Author, line.Text);
                break;
        }

        if (webhook is not null)
        {
            using var request = SandboxSigner.SignedRequest($"{self.TrimEnd('/')}/webhooks/channels/{channel.Id}", line.Kind, webhook, SandboxState.AppSecret);
            using var response = await clients.CreateClient(DeliveryClient).SendAsync(request, cancellationToken);
            LogDelivered(logger, line.Kind, (int)response.StatusCode);
        }
    }

    private string? SelfBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Sandbox.SelfBaseUrl))
        {
            return options.Value.Sandbox.SelfBaseUrl;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address?.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox {Kind} delivered a demo webhook: {Status}")]
    private static partial void LogDelivered(ILogger logger, ChannelKind kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox demo traffic stopped")]
    private static partial void LogDemoFailed(ILogger logger, Exception ex);
}
