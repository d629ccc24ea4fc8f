using System.ComponentModel.DataAnnotations;

namespace Salus.Modules.Inbox;

/// <summary>Settings under <c>Salus:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "Salus:Inbox";

    /// <summary>Seconds between keep-alive comments on a live-update stream (proxies close idle connections).</summary>
    [Range(5, 300)]
    public int LiveHeartbeatSeconds { get; set; } = 20;

    /// <summary>Rows shown on one inbox page.</summary>
    [Range(10, 1000)]
    public int PageSize { get; set; } = 200;
}
