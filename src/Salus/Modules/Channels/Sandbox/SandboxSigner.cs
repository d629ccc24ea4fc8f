using System.Text;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>Builds a webhook request exactly as each platform sends it: same headers, same signing algorithm over the same bytes.</summary>
public static class SandboxSigner
{
    public static HttpRequestMessage SignedRequest(string url, ChannelKind kind, string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(kind == ChannelKind.YouTube ? "application/atom+xml" : "application/json");
        switch (kind)
        {
            case ChannelKind.Facebook or ChannelKind.Instagram:
                request.Headers.Add("X-Hub-Signature-256", WebhookSignatures.MetaSignature256(bytes, secret));
                request.Headers.Add("X-Hub-Signature", WebhookSignatures.HubSignature(bytes, secret, "sha1"));
                break;
            case ChannelKind.X:
                request.Headers.Add("x-twitter-webhooks-signature", WebhookSignatures.XSignature(bytes, secret));
                break;
            case ChannelKind.LinkedIn:
                request.Headers.Add("X-LI-Signature", WebhookSignatures.LinkedInSignature(bytes, secret));
                break;
            case ChannelKind.YouTube:
                request.Headers.Add("X-Hub-Signature", WebhookSignatures.HubSignature(bytes, secret, "sha1"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), $"{kind} sends no webhooks.");
        }

        return request;
    }
}
