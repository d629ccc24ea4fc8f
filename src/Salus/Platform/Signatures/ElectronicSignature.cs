namespace Salus.Platform.Signatures;

/// <summary>The meaning a signer gives to a signature (21 CFR 11.50(a)(3)).</summary>
public enum SignatureMeaning
{
    Authored,
    Reviewed,
    Approved,
    ChangesRequested,
    Acknowledged,
    Verified,
}

/// <summary>
/// An electronic signature bound to one version of one record: <see cref="RecordHash"/> is the SHA-256 of the
/// exact content signed, and <see cref="SignatureHash"/> seals every field, including the record type and id,
/// so a signature copied onto another record or altered in place no longer verifies.
/// </summary>
public sealed class ElectronicSignature
{
    public Guid Id { get; set; }

    public string RecordType { get; set; } = "";

    public string RecordId { get; set; } = "";

    public string RecordHash { get; set; } = "";

    public SignatureMeaning Meaning { get; set; }

    public string SignerId { get; set; } = "";

    /// <summary>The signer's printed name at the time of signing.</summary>
    public string PrintedName { get; set; } = "";

    public DateTime SignedAtUtc { get; set; }

    public string? Comment { get; set; }

    /// <summary>Whether the second factor was checked at signing.</summary>
    public bool SecondFactorVerified { get; set; }

    public string SignatureHash { get; set; } = "";
}
