using Microsoft.AspNetCore.DataProtection;

namespace Salus.Platform.Secrets;

/// <summary>
/// Encrypts secrets (channel tokens, webhook secrets) before they are stored, with Data Protection keys kept in
/// the database so every node can read them. Store the output; never log the input.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Salus.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
