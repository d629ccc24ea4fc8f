using System.Globalization;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>A comment (or mention, message) living on a sandbox platform.</summary>
public sealed class SandboxComment
{
    public required string Platform { get; init; }

    public required string Id { get; init; }

    /// <summary>The post / video / activity the comment is under.</summary>
    public required string ThreadId { get; init; }

    public string? ParentId { get; init; }

    public required string AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public required string Text { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string Status { get; set; } = "approved";

    public bool Hidden { get; set; }

    public bool Deleted { get; set; }

    /// <summary>Written by the organisation through a connector (a reply), not by the public.</summary>
    public bool ByOrganisation { get; init; }
}

/// <summary>A change pushed to the sandbox's live streams: <c>created</c>, <c>edited</c> or <c>deleted</c> (null: a heartbeat).</summary>
public sealed record SandboxStreamEvent(string Change, SandboxComment? Comment);

/// <summary>Something Salus did on a sandbox platform (reply, hide, delete, private message).</summary>
public sealed record SandboxAction(string Platform, string Action, string Target, string? Text, string ResultId, DateTimeOffset At);

/// <summary>
/// The in-memory world of the sandbox platforms: their comments, what Salus did there, injected failures and
/// X's rate-limit window. One per process; lost on restart, like a test fixture.
/// </summary>
public sealed class SandboxState(TimeProvider time)
{
    public const string Token = "sandbox-token";
    public const string AppSecret = "sandbox-app-secret";
    public const string VerifyToken = "sandbox-verify-token";

    private readonly Lock _lock = new();
    private readonly List<SandboxComment> _comments = [];
    private readonly List<SandboxAction> _actions = [];
    private readonly Dictionary<string, string> _idempotency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(int Status, int? RetryAfterSeconds)>> _failures = new(StringComparer.Ordinal);
    private readonly List<(string Platform, System.Threading.Channels.Channel<SandboxStreamEvent> Queue)> _streams = [];
    private long _nextId = 1_000_000;
    private int _xUsed;
    private DateTimeOffset _xWindowEnds;

    /// <summary>Requests X allows per 15-minute window (mentions timeline); tests lower it to see 429 and the reset header.</summary>
    public int XRequestsPerWindow { get; set; } = 10_000;

    /// <summary>When false, every bearer token is refused (a revoked token: the channel should turn broken).</summary>
    public bool TokensValid { get; set; } = true;

    public TimeProvider Time => time;

    /// <summary>When false, the streaming endpoints answer 503 (a streaming server that is down).</summary>
    public bool StreamsAvailable { get; set; } = true;

    public string NewId(string platform)
    {
        var n = Interlocked.Increment(ref _nextId);
        return platform switch
        {
            "x" => (1_900_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture),
            "youtube" => "Ugz" + n.ToString("x", CultureInfo.InvariantCulture),
            "mastodon" => (110_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    public SandboxComment Add(string platform, string threadId, string authorId, string authorName, string text, string? parentId = null, bool byOrganisation = false, string? id = null)
    {
        var now = time.GetUtcNow();
        var comment = new SandboxComment
        {
            Platform = platform, Id = id ?? NewId(platform), ThreadId = threadId, ParentId = parentId, AuthorId = authorId,
            AuthorName = authorName, Text = text, CreatedAt = now, UpdatedAt = now, ByOrganisation = byOrganisation,
        };
        lock (_lock)
        {
            _comments.Add(comment);
        }

        if (!byOrganisation)
        {
            Push(platform, "created", comment);
        }

        return comment;
    }

    /// <summary>The author edits a comment: new text, new update time, pushed to the live streams.</summary>
    public SandboxComment? Edit(string platform, string id, string text)
    {
        var comment = Find(platform, id);
        if (comment is not null)
        {
            comment.Text = text;
            comment.UpdatedAt = time.GetUtcNow();
            Push(platform, "edited", comment);
        }

        return comment;
    }

    /// <summary>The author deletes a comment, pushed to the live streams.</summary>
    public SandboxComment? Delete(string platform, string id)
    {
        var comment = Find(platform, id);
        if (comment is not null)
        {
            comment.Deleted = true;
            Push(platform, "deleted", comment);
        }

        return comment;
    }

    /// <summary>A live stream's queue of changes; dispose the subscription when the client goes away.</summary>
    public (System.Threading.Channels.ChannelReader<SandboxStreamEvent> Reader, SandboxSubscription Subscription) Subscribe(string platform)
    {
        var queue = System.Threading.Channels.Channel.CreateUnbounded<SandboxStreamEvent>();
        lock (_lock)
        {
            _streams.Add((platform, queue));
        }

        return (queue.Reader, new SandboxSubscription(this, queue));
    }

    /// <summary>How many live streams of the platform are open.</summary>
    public int StreamCount(string platform)
    {
        lock (_lock)
        {
            return _streams.Count(s => s.Platform == platform);
        }
    }

    /// <summary>Sends a change to every open stream of the platform (tests use it to push an event again).</summary>
    public void Push(string platform, string change, SandboxComment? comment)
    {
        lock (_lock)
        {
            foreach (var (p, queue) in _streams.Where(s => s.Platform == platform))
            {
                queue.Writer.TryWrite(new SandboxStreamEvent(change, comment));
            }
        }
    }

    /// <summary>Ends every open stream of the platform (a dropped connection).</summary>
    public void DropStreams(string platform)
    {
        lock (_lock)
        {
            foreach (var (_, queue) in _streams.Where(s => s.Platform == platform))
            {
                queue.Writer.TryComplete();
            }

            _streams.RemoveAll(s => s.Platform == platform);
        }
    }

    /// <summary>One open stream: a heartbeat for it alone, and disposal when its client goes away.</summary>
    public sealed class SandboxSubscription(SandboxState state, System.Threading.Channels.Channel<SandboxStreamEvent> queue) : IDisposable
    {
        public void Heartbeat() => queue.Writer.TryWrite(new SandboxStreamEvent("heartbeat", null));

        public void Dispose()
        {
            lock (state._lock)
            {
                state._streams.RemoveAll(s => s.Queue == queue);
            }

            queue.Writer.TryComplete();
        }
    }

    public List<SandboxComment> Comments(string platform)
    {
        lock (_lock)
        {
            return [.. _comments.Where(c => c.Platform == platform)];
        }
    }

    public SandboxComment? Find(string platform, string id)
    {
        lock (_lock)
        {
            return _comments.FirstOrDefault(c => c.Platform == platform && c.Id == id);
        }
    }

    public void Record(string platform, string action, string target, string? text, string resultId)
    {
        lock (_lock)
        {
            _actions.Add(new SandboxAction(platform, action, target, text, resultId, time.GetUtcNow()));
        }
    }

    public List<SandboxAction> Actions(string? platform = null)
    {
        lock (_lock)
        {
            return [.. _actions.Where(a => platform is null || a.Platform == platform)];
        }
    }

    /// <summary>Mastodon's Idempotency-Key: the first request with a key creates, later ones get the same result.</summary>
    public string Idempotent(string key, Func<string> create)
    {
        lock (_lock)
        {
            if (_idempotency.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var created = create();
            _idempotency[key] = created;
            return created;
        }
    }

    /// <summary>The next <paramref name="count"/> requests to <paramref name="platform"/> fail with <paramref name="status"/>.</summary>
    public void FailNext(string platform, int status, int count = 1, int? retryAfterSeconds = null)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(platform, out var queue))
            {
                _failures[platform] = queue = new Queue<(int, int?)>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue((status, retryAfterSeconds));
            }
        }
    }

    public (int Status, int? RetryAfterSeconds)? TakeFailure(string platform)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(platform, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
    }

    /// <summary>Counts one X request in the current 15-minute window; returns remaining and reset (epoch seconds).</summary>
    public (int Limit, int Remaining, long Reset) XRateLimit()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _xWindowEnds)
            {
                _xWindowEnds = now.AddMinutes(15);
                _xUsed = 0;
            }

            _xUsed++;
            return (XRequestsPerWindow, XRequestsPerWindow - _xUsed, _xWindowEnds.ToUnixTimeSeconds());
        }
    }

    /// <summary>False: a Mastodon server older than 4.3, without <c>GET /api/v1/statuses?id[]=</c> (404).</summary>
    public bool MastodonMultiLookup { get; set; } = true;

    /// <summary>Status look-ups Mastodon allows per 5-minute window (its default is 300 requests per account); 429 past it.</summary>
    public int MastodonLookupsPerWindow { get; set; } = 300;

    private readonly List<string> _lookedUp = [];
    private int _lookupsUsed;
    private DateTimeOffset _lookupWindowEnds;
    private int _lookupsBeforeFailure = -1;
    private int _lookupFailureStatus;

    /// <summary>The look-up after <paramref name="successfulLookups"/> more successful ones answers <paramref name="status"/> (e.g. 429).</summary>
    public void FailMastodonLookup(int successfulLookups, int status)
    {
        lock (_lock)
        {
            _lookupsBeforeFailure = successfulLookups;
            _lookupFailureStatus = status;
        }
    }

    /// <summary>Every status id Salus looked up (single or multi), in order.</summary>
    public List<string> LookedUpStatuses()
    {
        lock (_lock)
        {
            return [.. _lookedUp];
        }
    }

    /// <summary>Counts one status look-up in Mastodon's rate-limit window; an injected or window failure gives its status.</summary>
    public (int Limit, int Remaining, DateTimeOffset Reset, int? Failure) MastodonLookup(IReadOnlyList<string> ids)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _lookupWindowEnds)
            {
                _lookupWindowEnds = now.AddMinutes(5);
                _lookupsUsed = 0;
            }

            if (_lookupsBeforeFailure == 0)
            {
                _lookupsBeforeFailure = -1;
                return (MastodonLookupsPerWindow, 0, _lookupWindowEnds, _lookupFailureStatus);
            }

            if (_lookupsUsed >= MastodonLookupsPerWindow)
            {
                return (MastodonLookupsPerWindow, 0, _lookupWindowEnds, 429);
            }

            if (_lookupsBeforeFailure > 0)
            {
                _lookupsBeforeFailure--;
            }

            _lookupsUsed++;
            _lookedUp.AddRange(ids);
            return (MastodonLookupsPerWindow, MastodonLookupsPerWindow - _lookupsUsed, _lookupWindowEnds, null);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _lookedUp.Clear();
            _lookupsUsed = 0;
            _lookupWindowEnds = default;
            _lookupsBeforeFailure = -1;
            MastodonMultiLookup = true;
            MastodonLookupsPerWindow = 300;
            _comments.Clear();
            _actions.Clear();
            _idempotency.Clear();
            _failures.Clear();
            _xUsed = 0;
            _xWindowEnds = default;
            TokensValid = true;
            StreamsAvailable = true;
            XRequestsPerWindow = 10_000;
        }
    }
}
