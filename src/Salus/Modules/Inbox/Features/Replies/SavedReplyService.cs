using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Replies;

public sealed record SavedReplyDraft(string? Key, string? Title, string? Language, string? Body, SavedReplyPurpose Purpose);

/// <summary>Writes, approves (MLR, with an expiry) and fills in saved replies.</summary>
public sealed partial class SavedReplyService(SalusDbContext db, TimeProvider time)
{
    /// <summary>The variables a saved reply may use.</summary>
    public static readonly IReadOnlyList<string> Variables = ["name", "agent", "channel", "media"];

    public async Task<Result<SavedReply>> CreateAsync(SavedReplyDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            fields["title"] = ["Required."];
        }

        if (string.IsNullOrWhiteSpace(draft.Body))
        {
            fields["body"] = ["Required."];
        }
        else if (UnknownVariables(draft.Body) is { Count: > 0 } unknown)
        {
            fields["body"] = [$"Unknown variable(s): {string.Join(", ", unknown)}. Use {string.Join(", ", Variables.Select(v => "{{" + v + "}}"))}."];
        }

        if (draft.Language is not ("en" or "it"))
        {
            fields["language"] = ["Use en or it."];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("saved-reply.invalid", "The saved reply is not valid.", fields);
        }

        var reply = new SavedReply
        {
            Key = string.IsNullOrWhiteSpace(draft.Key) ? Slug(draft.Title!) : draft.Key.Trim(), Title = draft.Title!.Trim(), Language = draft.Language!,
            Body = draft.Body!.Trim(), Purpose = draft.Purpose, CreatedByName = actor.Name, CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Set<SavedReply>().Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    /// <summary>MLR approval; it lasts until <paramref name="expiresUtc"/>, which must be in the future.</summary>
    public async Task<Result<SavedReply>> ApproveAsync(Guid id, DateTime? expiresUtc, Actor reviewer, CancellationToken cancellationToken)
    {
        var reply = await db.Set<SavedReply>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reply is null)
        {
            return Errors.NotFound("saved-reply.not-found", "No such saved reply.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (expiresUtc is not { } expires || expires <= now)
        {
            return Errors.Validation("saved-reply.expiry", "An approval needs an expiry date in the future.",
                new Dictionary<string, string[]> { ["expiresUtc"] = ["A future date is required."] });
        }

        reply.Status = SavedReplyStatus.Approved;
        reply.ApprovedByName = reviewer.Name;
        reply.ApprovedUtc = now;
        reply.ExpiresUtc = DateTime.SpecifyKind(expires, DateTimeKind.Utc);
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    public async Task<Result<SavedReply>> RetireAsync(Guid id, CancellationToken cancellationToken)
    {
        var reply = await db.Set<SavedReply>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reply is null)
        {
            return Errors.NotFound("saved-reply.not-found", "No such saved reply.");
        }

        reply.Status = SavedReplyStatus.Retired;
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    /// <summary>The approved, unexpired reply for a purpose, in the language asked for or else English.</summary>
    public async Task<SavedReply?> ForPurposeAsync(SavedReplyPurpose purpose, string? language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<SavedReply>().AsNoTracking()
            .Where(r => r.Purpose == purpose && r.Status == SavedReplyStatus.Approved && r.ExpiresUtc > now).ToListAsync(cancellationToken);
        return candidates.OrderBy(r => r.Language == language ? 0 : r.Language == "en" ? 1 : 2).ThenByDescending(r => r.ApprovedUtc).FirstOrDefault();
    }

    public static string Fill(string body, IReadOnlyDictionary<string, string> values) =>
        VariablePattern().Replace(body, m => values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var v) ? v : m.Value);

    public static IReadOnlyList<string> UnknownVariables(string body) =>
        [.. VariablePattern().Matches(body).Select(m => m.Groups[1].Value.ToLowerInvariant()).Where(v => !Variables.Contains(v)).Distinct()];

    private static string Slug(string title) =>
        new string([.. title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } s ? s[..Math.Min(s.Length, 80)] : "reply";

    [GeneratedRegex(@"\{\{\s*([A-Za-z]+)\s*\}\}")]
    private static partial Regex VariablePattern();
}

/// <summary>Who acts: a signed-in user (id and printed name).</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor From(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "unknown",
            user.FindFirst("salus:name")?.Value ?? user.Identity?.Name ?? "unknown");
}
