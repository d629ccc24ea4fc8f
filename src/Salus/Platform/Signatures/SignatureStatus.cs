namespace Salus.Platform.Signatures;

public enum SignatureStatus
{
    /// <summary>The seal is intact and the record still has the content that was signed.</summary>
    Valid,

    /// <summary>The record was edited after signing: the signature no longer applies to it.</summary>
    RecordChanged,

    /// <summary>The signature row itself was altered or moved to another record.</summary>
    Tampered,
}
