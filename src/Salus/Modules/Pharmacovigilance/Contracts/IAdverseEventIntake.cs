namespace Salus.Modules.Pharmacovigilance.Contracts;

/// <summary>How other modules hand possible adverse events to pharmacovigilance.</summary>
public interface IAdverseEventIntake
{
    /// <summary>Creates (or returns the existing) case proposal for the signal's source.</summary>
    Task<Guid> ProposeAsync(AdverseEventSignal signal, CancellationToken cancellationToken);

    /// <summary>Attaches the message to the open case awaiting follow-up from this reporter on this channel; false when there is none.</summary>
    Task<bool> TryAttachFollowUpAsync(FollowUpMessage message, CancellationToken cancellationToken);
}
