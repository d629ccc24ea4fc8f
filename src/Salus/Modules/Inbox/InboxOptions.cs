using System.ComponentModel.DataAnnotations;

namespace Salus.Modules.Inbox;

/// <summary>Settings under <c>Salus:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "Salus:Inbox";

    /// <summary>Seconds between keep-alive comments on a live-update stream (proxies close idle connections).</summary>
    [Range(5, 300)]
    public int LiveHeartbeatSeconds { get; set; } = 20;

    /// <summary>
    /// Redis connection (e.g. <c>redis:6379</c>) shared by several <c>salus serve</c> nodes: live updates then reach the
    /// browsers connected to every node. Empty = this node only.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The Redis pub/sub channel of live updates.</summary>
    [Required]
    public string RedisChannel { get; set; } = "salus:inbox:live";

    /// <summary>Rows shown on one inbox page.</summary>
    [Range(10, 1000)]
    public int PageSize { get; set; } = 200;
}
