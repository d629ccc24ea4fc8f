namespace Salus.Modules.Pharmacovigilance.Features.Cases;

/// <summary>
/// One member of a JSON Merge Patch (RFC 7396): absent (the default) keeps the stored value, present replaces it, even
/// with null, which clears it. A plain nullable cannot tell "absent" from "null", hence this type.
/// </summary>
public readonly record struct PatchValue<T>(bool IsSet, T Value)
{
    public T Or(T stored) => IsSet ? Value : stored;
}
