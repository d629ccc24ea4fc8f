namespace Salus.Modules.Policies.Contracts;

/// <summary>Whether an employee has acknowledged every section of the policy version currently published for them.</summary>
public interface IPolicyAcknowledgements
{
    Task<bool> HasAcknowledgedCurrentAsync(string userId, CancellationToken cancellationToken);
}
