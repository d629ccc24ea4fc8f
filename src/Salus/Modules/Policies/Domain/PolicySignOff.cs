using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Domain;

/// <summary>Links an electronic signature on a version to the function its signer spoke for.</summary>
public sealed class PolicySignOff
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    public Guid SignatureId { get; set; }

    public StakeholderFunction Function { get; set; }
}
