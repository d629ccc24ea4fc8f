using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>RSS 2.0 and Atom (RFC 4287), read only. The feed address is the channel's API address; each item is stored as its XML element.</summary>
public sealed partial class FeedConnector(PlatformHttp http) : ConnectorBase(http)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public override ChannelKind Kind => ChannelKind.Rss;

    public override bool SupportsPolling => true;

    public override IReadOnlyList<InboundItem> Normalize(ChannelContext channel, RawEvent raw)
    {
        var element = XElement.Parse(raw.Body);
        var atom = element.Name.Namespace == Atom;
        var id = atom ? element.Element(Atom + "id")?.Value : element.Element("guid")?.Value ?? element.Element("link")?.Value;
        var title = (atom ? element.Element(Atom + "title")?.Value : element.Element("title")?.Value) ?? "";
        var summary = atom
            ? element.Element(Atom + "summary")?.Value ?? element.Element(Atom + "content")?.Value
            : element.Element("description")?.Value;
        var link = atom
            ? (element.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value)
            : element.Element("link")?.Value;
        var author = atom ? element.Element(Atom + "author")?.Element(Atom + "name")?.Value : element.Element("author")?.Value;
        var date = atom ? element.Element(Atom + "updated")?.Value ?? element.Element(Atom + "published")?.Value : element.Element("pubDate")?.Value;
        var text = WebUtility.HtmlDecode(TagPattern().Replace(string.IsNullOrWhiteSpace(summary) ? title : $"{title}\n{summary}", "")).Trim();
        return [Item(channel, raw.EventId, InboundChange.Created, InboundItemKind.Post, id ?? raw.EventId, null, null, author ?? "", null, author,
            text, null, link, FromIso(date, raw.ReceivedUtc), raw.ReceivedUtc)];
    }

    public override async Task<Result<PollResult>> PollAsync(ChannelContext channel, string? cursor, CancellationToken cancellationToken)
    {
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.ApiBaseUrl, null), "Feed", cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        XDocument feed;
        try
        {
            feed = XDocument.Parse(result.Value.Body);
        }
        catch (System.Xml.XmlException ex)
        {
            return Errors.Validation("channel.feed", $"The feed is not well-formed XML (line {ex.LineNumber}): {ex.Message}");
        }

        var entries = feed.Root?.Name == Atom + "feed"
            ? feed.Root.Elements(Atom + "entry").Select(e => (Element: e, Id: e.Element(Atom + "id")?.Value, Version: e.Element(Atom + "updated")?.Value))
            : feed.Root?.Element("channel")?.Elements("item").Select(e => (Element: e, Id: e.Element("guid")?.Value ?? e.Element("link")?.Value, Version: e.Element("pubDate")?.Value))
              ?? [];
        var items = entries.Where(e => e.Id is not null)
            .Select(e => new PolledItem($"feed:{e.Id}:{e.Version}", e.Element.ToString(SaveOptions.DisableFormatting), "application/xml")).ToList();
        return new PollResult(items, cursor);
    }

    public override async Task<Result<string>> TestAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var result = await PollAsync(channel, null, cancellationToken);
        return result.IsSuccess ? $"{result.Value.Items.Count} items" : result.Error!;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
