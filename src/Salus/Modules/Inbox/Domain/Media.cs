using Salus.Platform.Audit;

namespace Salus.Modules.Inbox.Domain;

public enum MediaKind
{
    Video,
    Document,
    Image,
}

public enum MediaStatus
{
    Draft,
    Approved,
}

/// <summary>
/// An explanatory video, image or document of the library: either a link (<see cref="Url"/>) or a file kept in the
/// content-addressed store (<see cref="Sha256"/>). Like a saved reply, usable in replies only while MLR approval holds.
/// </summary>
public sealed class MediaAsset
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public MediaKind Kind { get; set; }

    /// <summary>The address of a linked item; empty for an uploaded file.</summary>
    public string Url { get; set; } = "";

    public string Language { get; set; } = "en";

    public string Description { get; set; } = "";

    public string AddedByName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>The uploader's file name (display and download name only; never a path).</summary>
    public string? FileName { get; set; }

    /// <summary>The type found by reading the file's first bytes, not the one the browser claimed.</summary>
    public string? ContentType { get; set; }

    public long? Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes: the file's name in the store.</summary>
    public string? Sha256 { get; set; }

    public MediaStatus Status { get; set; }

    public string? ApprovedByName { get; set; }

    public DateTime? ApprovedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public DateTime? DeletedUtc { get; set; }

    public string? DeletedByName { get; set; }

    public bool IsFile => Sha256 is not null;

    public bool IsUsableAt(DateTime nowUtc) => DeletedUtc is null && Status == MediaStatus.Approved && ExpiresUtc is { } e && e > nowUtc;
}

/// <summary>A public, unguessable, revocable address of one file, for platforms that cannot take the file itself.</summary>
public sealed class MediaShare
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MediaId { get; set; }

    /// <summary>256 random bits, base64url: the capability in the address. Kept out of the audit trail.</summary>
    [AuditRedact]
    public string Token { get; set; } = "";

    public string CreatedByName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevokedByName { get; set; }
}
