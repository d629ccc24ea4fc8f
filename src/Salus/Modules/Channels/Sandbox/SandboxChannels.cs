using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>
/// One channel per platform pointing at the sandbox on <paramref name="selfBase"/>, with the sandbox's credentials. The
/// Instagram account is a brand page, so its channel names the product its comments are about.
/// </summary>
public static class SandboxChannels
{
    public const string FacebookPageId = "137542570280222";
    public const string InstagramAccountId = "17841400000000000";

    public static IReadOnlyList<Channel> Create(string selfBase, DateTime nowUtc, Func<ChannelCredentials, string> protect)
    {
        var root = selfBase.TrimEnd('/') + "/sandbox";
        var bearer = new ChannelCredentials { AccessToken = SandboxState.Token, WebhookSecret = SandboxState.AppSecret, VerifyToken = SandboxState.VerifyToken };
        Channel Make(ChannelKind kind, string name, string market, string api, string account, ChannelCredentials? credentials = null, int poll = 15, bool streaming = false, string? product = null) => new()
        {
            Id = Guid.NewGuid(), Kind = kind, Name = name, Market = market, ApiBaseUrl = api, AccountId = account, PollIntervalSeconds = poll, Streaming = streaming, Product = product,
            ProtectedCredentials = protect(credentials ?? bearer), IsSandbox = true, CreatedUtc = nowUtc, UpdatedUtc = nowUtc,
        };

        return
        [
            Make(ChannelKind.Facebook, "Facebook · Salus Italia", "IT", root + "/graph/v19.0", FacebookPageId),
            Make(ChannelKind.Instagram, "Instagram · Tachipirina Italia", "IT", root + "/graph/v19.0", InstagramAccountId, product: "Tachipirina"),
            Make(ChannelKind.X, "X · @salusdemo", "US", root + "/x", SandboxX.AccountId, poll: 60),
            Make(ChannelKind.YouTube, "YouTube · Salus Demo Pharma", "IT", root + "/youtube/v3", SandboxYouTube.ChannelId),
            Make(ChannelKind.LinkedIn, "LinkedIn · Salus Demo Pharma", "US", root + "/linkedin/rest", SandboxLinkedIn.Organization, poll: 60),
            Make(ChannelKind.Mastodon, "Mastodon · @salusdemo", "US", root + "/mastodon", SandboxMastodon.AccountId, poll: 60, streaming: true),
            Make(ChannelKind.WordPress, "Blog · Salus Salute", "IT", root + "/wordpress/wp-json", "blog",
                new ChannelCredentials { Username = "salus", Password = SandboxState.Token }),
            Make(ChannelKind.Rss, "News · Salus feed", "IT", root + "/feeds/rss.xml", "rss", new ChannelCredentials(), poll: 120),
        ];
    }
}
