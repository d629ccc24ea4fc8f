using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Media;

public sealed record MediaLinkRequest(string? Title, MediaKind Kind, string? Url, string? Language, string? Description);

/// <summary>
/// The media library's use cases: streaming uploads (multipart, never buffered whole), links, MLR approval with an
/// expiry, soft deletion, and public share links. Every change is a row change, so the audit trail records it.
/// </summary>
public sealed class MediaLibrary(
    SalusDbContext db, MediaFileStore store, IOptions<MediaLibraryOptions> options, IAntiforgery antiforgery, IHttpContextAccessor http,
    IServiceScopeFactory scopes, TimeProvider time)
{
    public const string TooLargeCode = "media.too-large";
    private const int MaxFieldChars = 4000;
    private const string TokenField = "__RequestVerificationToken";

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>
    /// Reads a <c>multipart/form-data</c> body section by section: text fields <c>title</c>, <c>description</c>,
    /// <c>language</c> and one <c>file</c>, streamed to the store. With <paramref name="requireAntiforgery"/> (the page
    /// form) the antiforgery token must come before the file, so a forged cross-site post is refused before any byte is kept.
    /// </summary>
    public async Task<Result<MediaAsset>> UploadAsync(HttpRequest request, Actor actor, bool requireAntiforgery, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes + MultipartOverhead)
        {
            return TooLarge();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Invalid("file", "Send multipart/form-data with the file in a field named 'file'.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        TemporaryUpload? upload = null;
        string? fileName = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!disposition.IsFileDisposition())
                {
                    if (fields.Count < 20)
                    {
                        fields[name] = await ReadFieldAsync(section.Body, cancellationToken);
                    }

                    continue;
                }

                if (name != "file" || upload is not null)
                {
                    continue; // the reader skips what is not read
                }

                if (requireAntiforgery && !await AntiforgeryValidAsync(request.HttpContext, fields))
                {
                    return Errors.Validation("media.antiforgery", "The form expired or did not come from Salus; reload the page and try again.");
                }

                fileName = SafeFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                upload = await store.ReceiveAsync(section.Body, MaxBytes, cancellationToken);
                switch (upload.Outcome)
                {
                    case UploadOutcome.TooLarge:
                        return TooLarge();
                    case UploadOutcome.UnknownType:
                        return Invalid("file", $"The content is not an accepted type: upload {MediaSniffer.Accepted}.");
                    case UploadOutcome.Empty:
                        return Invalid("file", "The file is empty.");
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            upload?.Dispose();
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            upload?.Dispose();
            return Invalid("file", "The multipart body is malformed.");
        }
        catch
        {
            upload?.Dispose();
            throw;
        }

        using (upload)
        {
            if (upload is null)
            {
                return requireAntiforgery && !await AntiforgeryValidAsync(request.HttpContext, fields)
                    ? Errors.Validation("media.antiforgery", "The form expired or did not come from Salus; reload the page and try again.")
                    : Invalid("file", "Choose a file.");
            }

            var problems = Describe(fields.GetValueOrDefault("title"), fields.GetValueOrDefault("language"), fields.GetValueOrDefault("description"));
            if (MediaSniffer.ExtensionProblem(fileName, upload.Type!) is { } extension)
            {
                problems["file"] = [extension];
            }

            if (problems.Count > 0)
            {
                return Errors.Validation("media.invalid", "The media item is not valid.", problems);
            }

            upload.Commit();
            var asset = new MediaAsset
            {
                Title = fields["title"].Trim(), Kind = upload.Type!.Kind, Language = fields["language"], Description = fields.GetValueOrDefault("description")?.Trim() ?? "",
                FileName = fileName ?? "upload" + upload.Type.Extension, ContentType = upload.Type.ContentType, Length = upload.Length, Sha256 = upload.Sha256,
                AddedByName = actor.Name, CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Set<MediaAsset>().Add(asset);
            await db.SaveChangesAsync(cancellationToken);
            return asset;
        }
    }

    /// <summary>A link to a video or document hosted elsewhere (the library before uploads existed).</summary>
    public async Task<Result<MediaAsset>> AddLinkAsync(MediaLinkRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var problems = Describe(request.Title, request.Language, request.Description);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            problems["url"] = ["An absolute http(s) address."];
        }

        if (problems.Count > 0)
        {
            return Errors.Validation("media.invalid", "The media item is not valid.", problems);
        }

        var asset = new MediaAsset
        {
            Title = request.Title!.Trim(), Kind = request.Kind, Url = url!.ToString(), Language = request.Language!, Description = request.Description?.Trim() ?? "",
            AddedByName = actor.Name, CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Set<MediaAsset>().Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }

    /// <summary>MLR approval, valid until <paramref name="expiresUtc"/> (in the future).</summary>
    public async Task<Result<MediaAsset>> ApproveAsync(Guid id, DateTime? expiresUtc, Actor reviewer, CancellationToken cancellationToken)
    {
        var asset = await FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (expiresUtc is not { } expires || expires <= now)
        {
            return Errors.Validation("media.expiry", "An approval needs an expiry date in the future.",
                new Dictionary<string, string[]> { ["expiresUtc"] = ["A future date is required."] });
        }

        asset.Status = MediaStatus.Approved;
        asset.ApprovedByName = reviewer.Name;
        asset.ApprovedUtc = now;
        asset.ExpiresUtc = DateTime.SpecifyKind(expires, DateTimeKind.Utc);
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }

    /// <summary>Soft deletion: the row stays (audit), the item leaves the library, its share links stop working.</summary>
    public async Task<Result<MediaAsset>> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var asset = await FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        asset.DeletedUtc = now;
        asset.DeletedByName = actor.Name;
        await RevokeSharesAsync(id, actor, now, cancellationToken);
        db.RecordEvent("inbox.media.deleted", nameof(MediaAsset), id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }

    /// <summary>The item's active share link, created when there is none. Only files have share links.</summary>
    public async Task<Result<MediaShare>> ShareAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var asset = await FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }

        if (!asset.IsFile)
        {
            return Errors.Validation("media.not-a-file", "Only uploaded files have share links; a link item is already public.");
        }

        if (!asset.IsUsableAt(time.GetUtcNow().UtcDateTime))
        {
            // a public link distributes the material: only while its MLR approval holds
            return Errors.Conflict("media.not-approved", "Only material with a current MLR approval can be shared publicly.");
        }

        var share = await ActiveShareAsync(id, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return share;
    }

    /// <summary>
    /// The active share token of each file, created and committed on their own (another unit of work) when missing:
    /// a platform may fetch the link while the reply that names it is still being sent, before that reply is saved.
    /// </summary>
    internal async Task<Dictionary<Guid, string>> CommittedSharesAsync(IReadOnlyCollection<Guid> mediaIds, Actor actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().ActAs(actor.Id, actor.Name);
        var other = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        var tokens = new Dictionary<Guid, string>();
        foreach (var id in mediaIds)
        {
            tokens[id] = (await other.ActiveShareAsync(id, actor, cancellationToken)).Token;
        }

        await other.SaveAsync(cancellationToken);
        return tokens;
    }

    private Task<int> SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>The active share link of a file, added to the unit of work (not saved) when there is none.</summary>
    internal async Task<MediaShare> ActiveShareAsync(Guid mediaId, Actor actor, CancellationToken cancellationToken)
    {
        var share = db.Set<MediaShare>().Local.FirstOrDefault(s => s.MediaId == mediaId && s.RevokedUtc == null)
            ?? await db.Set<MediaShare>().Where(s => s.MediaId == mediaId && s.RevokedUtc == null).OrderBy(s => s.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        if (share is null)
        {
            share = new MediaShare
            {
                MediaId = mediaId, Token = Base64Url(RandomNumberGenerator.GetBytes(32)), CreatedByName = actor.Name, CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Set<MediaShare>().Add(share);
        }

        return share;
    }

    public async Task<Result<int>> RevokeShareAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var revoked = await RevokeSharesAsync(id, actor, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }

    /// <summary>The public address of a share token: the configured base address, else the current request's.</summary>
    public Uri ShareUrl(string token)
    {
        var configured = options.Value.PublicBaseUrl;
        var request = http.HttpContext?.Request;
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "http://localhost:5000";
        return new Uri($"{origin}/media/shared/{token}");
    }

    private async Task<int> RevokeSharesAsync(Guid id, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Set<MediaShare>().Where(s => s.MediaId == id && s.RevokedUtc == null).ToListAsync(cancellationToken);
        foreach (var share in active)
        {
            share.RevokedUtc = now;
            share.RevokedByName = actor.Name;
        }

        return active.Count;
    }

    private Task<MediaAsset?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<MediaAsset>().FirstOrDefaultAsync(m => m.Id == id && m.DeletedUtc == null, cancellationToken);

    private async Task<bool> AntiforgeryValidAsync(HttpContext context, Dictionary<string, string> fields)
    {
        if (!fields.TryGetValue(TokenField, out var token))
        {
            return false;
        }

        // The token store reads the header first, so the body (the file) is never buffered to find the token.
        context.Request.Headers["X-CSRF-TOKEN"] = token;
        return await antiforgery.IsRequestValidAsync(context);
    }

    private static Dictionary<string, string[]> Describe(string? title, string? language, string? description)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems["title"] = ["Required."];
        }
        else if (title.Trim().Length > 200)
        {
            problems["title"] = ["At most 200 characters."];
        }

        if (language is not ("en" or "it"))
        {
            problems["language"] = ["Use en or it."];
        }

        if (description?.Length > 2000)
        {
            problems["description"] = ["At most 2000 characters."];
        }

        return problems;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, Math.Min(read, MaxFieldChars + 1));
    }

    private static string? SafeFileName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        file = new string([.. file.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        return file.Length == 0 ? null : file[..Math.Min(file.Length, 200)];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Error TooLarge() =>
        new(ErrorKind.Validation, TooLargeCode, string.Create(CultureInfo.InvariantCulture, $"The file is larger than the limit of {MaxBytes:N0} bytes (Salus:Inbox:Media:MaxBytes)."),
            new Dictionary<string, string[]> { ["file"] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxBytes:N0} bytes.")] });

    private static Error Invalid(string field, string message) =>
        Errors.Validation("media.invalid", message, new Dictionary<string, string[]> { [field] = [message] });

    private static Error NotFound() => Errors.NotFound("media.not-found", "No such media item.");

    /// <summary>Room for the text fields and multipart headers around the file.</summary>
    internal const long MultipartOverhead = 1024 * 1024;
}
