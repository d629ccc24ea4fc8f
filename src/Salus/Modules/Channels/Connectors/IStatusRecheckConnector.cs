using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>A status as the platform shows it now: its id, when it was last edited (null: never), and its JSON.</summary>
public sealed record CheckedStatus(string Id, DateTimeOffset? EditedAt, string Json);

/// <summary>
/// The answer for one batch of ids: the statuses found, the ids the platform no longer shows (deleted, or no longer
/// visible to the account), and the platform's rate-limit budget after the call. <paramref name="Partial"/>: the lookup
/// stopped part way (e.g. rate limited while looking up one by one); what was found before it is still valid.
/// <paramref name="MultiUnsupported"/>: the server has no multi-status endpoint, later batches should go one by one.
/// </summary>
public sealed record StatusLookup(
    IReadOnlyList<CheckedStatus> Found, IReadOnlyList<string> Gone, int? RateLimitRemaining, DateTimeOffset? RateLimitReset,
    bool MultiUnsupported = false, Error? Partial = null);

/// <summary>
/// A platform whose stored items can be looked up again, so edits and deletions that happened while nothing was
/// listening (live stream down, no webhook for them) are caught up. The items it makes are stored exactly like the
/// live stream's events, so processing (inbox, screening, audit) is the same.
/// </summary>
public interface IStatusRecheckConnector
{
    /// <summary>Most ids one lookup request may carry.</summary>
    int MaxIdsPerLookup { get; }

    /// <summary>Whether the platform id is one this connector can look up (guards the query string).</summary>
    bool IsStatusId(string platformItemId);

    /// <summary>Orders status ids by age (newest last): the catch-up takes the newest first and resumes below an id.</summary>
    int CompareStatusIds(string a, string b);

    Task<Result<StatusLookup>> LookUpStatusesAsync(ChannelContext channel, IReadOnlyList<string> ids, bool multi, CancellationToken cancellationToken);

    /// <summary>The stored form of an edit found by the lookup: the same event id and body shape as the streamed edit.</summary>
    StreamedItem EditOf(CheckedStatus status);

    /// <summary>The stored form of a deletion found by the lookup: the same event id and body shape as the streamed deletion.</summary>
    StreamedItem DeletionOf(string statusId);
}
