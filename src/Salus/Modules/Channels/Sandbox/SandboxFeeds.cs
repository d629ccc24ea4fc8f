using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>An RSS 2.0 feed (<c>/sandbox/feeds/rss.xml</c>) and an Atom feed (<c>/sandbox/feeds/atom.xml</c>) of the sandbox "rss" posts.</summary>
internal static class SandboxFeeds
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/feeds/rss.xml", (SandboxState state) =>
        {
            var rss = new XElement("rss", new XAttribute("version", "2.0"), new XElement("channel",
                new XElement("title", "Salus Demo Pharma news"), new XElement("link", "https://news.example.org/"), new XElement("description", "Sandbox feed"),
                state.Comments("rss").OrderByDescending(c => c.CreatedAt).Select(c => new XElement("item",
                    new XElement("title", c.Text.Split('\n')[0]), new XElement("link", $"https://news.example.org/{c.Id}"),
                    new XElement("description", c.Text), new XElement("author", c.AuthorName),
                    new XElement("guid", new XAttribute("isPermaLink", "false"), $"sandbox-{c.Id}"),
                    new XElement("pubDate", c.CreatedAt.ToString("r", CultureInfo.InvariantCulture))))));
            return Results.Text(rss.ToString(), "application/rss+xml", Encoding.UTF8);
        });

        sandbox.MapGet("/feeds/atom.xml", (SandboxState state) =>
        {
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var feed = new XElement(atom + "feed", new XElement(atom + "title", "Salus Demo Pharma"), new XElement(atom + "id", "tag:salus.local,2026:sandbox"),
                new XElement(atom + "updated", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
                state.Comments("rss").OrderByDescending(c => c.CreatedAt).Select(c => new XElement(atom + "entry",
                    new XElement(atom + "id", $"tag:salus.local,2026:{c.Id}"), new XElement(atom + "title", c.Text.Split('\n')[0]),
                    new XElement(atom + "summary", c.Text), new XElement(atom + "author", new XElement(atom + "name", c.AuthorName)),
                    new XElement(atom + "link", new XAttribute("href", $"https://news.example.org/{c.Id}")),
                    new XElement(atom + "updated", c.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)))));
            return Results.Text(feed.ToString(), "application/atom+xml", Encoding.UTF8);
        });
    }
}
