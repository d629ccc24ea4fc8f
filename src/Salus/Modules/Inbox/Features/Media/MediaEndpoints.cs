using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Media;

public sealed record ApproveMediaRequest(DateTime? ExpiresUtc);

/// <summary>
/// The media library over HTTP: <c>/api/inbox/media</c> (list, upload or link, approve, delete, share), the files for
/// staff at <c>/media/{id}</c> and for anyone holding a share link at <c>/media/shared/{token}</c>, both with ranges.
/// </summary>
internal static class MediaEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var max = endpoints.ServiceProvider.GetRequiredService<IOptions<MediaLibraryOptions>>().Value.MaxBytes;
        // Only these two endpoints accept bodies beyond the server's default limit.
        var sizeLimit = new RequestSizeLimitAttribute(max + MediaLibrary.MultipartOverhead);

        var library = endpoints.MapGroup("/api/inbox/media").RequireAuthorization(AccessPolicies.InboxLibrary).WithTags("Inbox media");
        library.MapGet("/", async (bool? includeDeleted, SalusDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<MediaAsset>().AsNoTracking().Where(m => includeDeleted == true || m.DeletedUtc == null).ToListAsync(ct))
                .OrderBy(m => m.Title, StringComparer.CurrentCulture).Select(View)))
            .WithSummary("The library: links and uploaded files, with MLR status and expiry.");
        library.MapPost("/", AddAsync).WithMetadata(sizeLimit)
            .WithSummary("multipart/form-data (fields title, description, language en|it, file: MP4/WebM/PDF/PNG/JPEG, checked by content) uploads a file; JSON {title, kind, url, language, description} adds a link. 413 beyond Salus:Inbox:Media:MaxBytes.");
        library.MapGet("/{id:guid}", async (Guid id, SalusDbContext db, CancellationToken ct) =>
            await db.Set<MediaAsset>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? Results.Ok(View(m)) : NotFound());
        library.MapPost("/{id:guid}/delete", async (Guid id, ClaimsPrincipal user, MediaLibrary media, CancellationToken ct) =>
            (await media.DeleteAsync(id, Actor.From(user), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Soft delete (kept for the audit trail); its share links stop working.");
        library.MapPost("/{id:guid}/share", async (Guid id, ClaimsPrincipal user, MediaLibrary media, CancellationToken ct) =>
            (await media.ShareAsync(id, Actor.From(user), ct)).ToHttp(s => TypedResults.Ok(new { s.Token, url = media.ShareUrl(s.Token), s.CreatedUtc })))
            .WithSummary("The file's public share link (created if none is active), for platforms that cannot take the file.");
        library.MapPost("/{id:guid}/share/revoke", async (Guid id, ClaimsPrincipal user, MediaLibrary media, CancellationToken ct) =>
            (await media.RevokeShareAsync(id, Actor.From(user), ct)).ToHttp(n => TypedResults.Ok(new { revoked = n })));

        endpoints.MapGroup("/api/inbox/media").RequireAuthorization(AccessPolicies.MlrReview).WithTags("Inbox media")
            .MapPost("/{id:guid}/approve", async (Guid id, ApproveMediaRequest request, ClaimsPrincipal user, MediaLibrary media, CancellationToken ct) =>
                (await media.ApproveAsync(id, request.ExpiresUtc, Actor.From(user), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("MLR approval of a media item, valid until expiresUtc.");

        // The library page's upload form (antiforgery token first, then the file), answered with a redirect.
        endpoints.MapPost("/inbox/media/upload", UploadFormAsync).RequireAuthorization(AccessPolicies.InboxLibrary).WithMetadata(sizeLimit).ExcludeFromDescription();

        endpoints.MapGet("/media/{id:guid}", async (Guid id, HttpContext http, SalusDbContext db, MediaFileStore store, CancellationToken ct) =>
            Serve(http, store, await db.Set<MediaAsset>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.DeletedUtc == null, ct)))
            .RequireAuthorization(AccessPolicies.InboxLibrary).WithTags("Inbox media").WithSummary("The file (range requests supported).");
        endpoints.MapGet("/media/shared/{token}", async (string token, HttpContext http, SalusDbContext db, MediaFileStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return Results.NotFound();
            }

            var asset = await (from s in db.Set<MediaShare>().AsNoTracking()
                               join m in db.Set<MediaAsset>().AsNoTracking() on s.MediaId equals m.Id
                               where s.Token == token && s.RevokedUtc == null && m.DeletedUtc == null
                               select m).FirstOrDefaultAsync(ct);
            if (asset is not null && !asset.IsUsableAt(time.GetUtcNow().UtcDateTime))
            {
                asset = null; // its MLR approval expired (or was never given): the material is no longer distributed
            }

            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return Serve(http, store, asset);
        }).AllowAnonymous().WithTags("Inbox media").WithSummary("A shared file, for anyone with the link until it is revoked.");
    }

    private static async Task<IResult> AddAsync(HttpContext http, ClaimsPrincipal user, MediaLibrary media, CancellationToken ct)
    {
        if (http.Request.HasJsonContentType())
        {
            var link = await http.Request.ReadFromJsonAsync<MediaLinkRequest>(ct);
            return link is null
                ? Errors.Validation("media.invalid", "A JSON body is required.").ToProblem()
                : (await media.AddLinkAsync(link, Actor.From(user), ct)).ToHttp(m => TypedResults.Ok(View(m)));
        }

        var uploaded = await media.UploadAsync(http.Request, Actor.From(user), requireAntiforgery: false, ct);
        return uploaded.IsSuccess ? TypedResults.Ok(View(uploaded.Value)) : Problem(uploaded.Error!);
    }

    private static async Task<IResult> UploadFormAsync(HttpContext http, ClaimsPrincipal user, MediaLibrary media, ITempDataDictionaryFactory tempData,
        Microsoft.Extensions.Localization.IStringLocalizer<InboxResource> l, CancellationToken ct)
    {
        var uploaded = await media.UploadAsync(http.Request, Actor.From(user), requireAntiforgery: true, ct);
        var data = tempData.GetTempData(http);
        if (uploaded.IsSuccess)
        {
            data["Message"] = l["Uploaded: '{0}' waits for MLR approval.", uploaded.Value.Title].Value;
        }
        else
        {
            data["Error"] = uploaded.Error!.Code == MediaLibrary.TooLargeCode ? l["The file is too large."].Value : uploaded.Error.Describe();
        }

        data.Save();
        return uploaded.IsSuccess || uploaded.Error!.Code != "media.antiforgery" ? Results.Redirect("/inbox/media") : Problem(uploaded.Error);
    }

    private static IResult Serve(HttpContext http, MediaFileStore store, MediaAsset? asset)
    {
        if (asset is not { Sha256: { } sha } || !store.Exists(sha))
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff"; // the type is the sniffed one; browsers must not guess another
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(asset.FileName ?? asset.Id.ToString());
        headers.ContentDisposition = disposition.ToString();
        return Results.File(store.PathOf(sha), asset.ContentType ?? "application/octet-stream",
            entityTag: new EntityTagHeaderValue($"\"{sha}\""), enableRangeProcessing: true);
    }

    /// <summary>413 for an oversized upload, the usual problem details otherwise.</summary>
    private static IResult Problem(Error error) =>
        error.Code == MediaLibrary.TooLargeCode
            ? Results.ValidationProblem(error.Fields!.ToDictionary(f => f.Key, f => f.Value), error.Message, statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The file is too large.", extensions: new Dictionary<string, object?> { ["code"] = error.Code })
            : error.ToProblem();

    private static IResult NotFound() => Errors.NotFound("media.not-found", "No such media item.").ToProblem();

    internal static object View(MediaAsset m) => new
    {
        m.Id, m.Title, kind = m.Kind.ToString(), m.Language, m.Description, url = m.IsFile ? $"/media/{m.Id}" : m.Url, isFile = m.IsFile, m.FileName,
        m.ContentType, m.Length, m.Sha256, status = m.Status.ToString(), m.ApprovedByName, m.ApprovedUtc, m.ExpiresUtc, m.AddedByName, m.CreatedUtc,
        m.DeletedUtc, m.DeletedByName,
    };
}
