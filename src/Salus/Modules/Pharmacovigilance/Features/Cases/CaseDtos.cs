using Salus.Modules.Pharmacovigilance.Domain;

namespace Salus.Modules.Pharmacovigilance.Features.Cases;

public sealed record CriterionDto(string Criterion, bool Known, string? Detail, DateTime? KnownUtc);

public sealed record ReactionDto(Guid Id, string? Term, string ReportedText, string? MedDraCode, string? MedDraVersion, DateOnly? OnsetDate, string Outcome);

public sealed record ProductDto(
    Guid Id, string Name, string? Code, string? Ingredients, string Role, decimal? Dose, string? DoseUnit, string? Frequency, string? Route,
    string? Indication, DateOnly? TherapyStart, DateOnly? TherapyStop, string? Action, string? DoseForm, string? BatchNumber)
{
    public static ProductDto From(CaseProduct p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Name, p.Code, p.Ingredients, p.Role.ToString().ToLowerInvariant(), p.DoseValue, p.DoseUnit, p.Frequency, p.Route,
            p.Indication, p.TherapyStart, p.TherapyStop, p.Action is { } a ? ActionKey(a) : null, p.DoseForm, p.BatchNumber);
    }

    /// <summary>The API's names for <see cref="DrugAction"/>: withdrawn, dose-reduced, dose-increased, not-changed, unknown, not-applicable.</summary>
    public static string ActionKey(DrugAction a) => a switch
    {
        DrugAction.Withdrawn => "withdrawn",
        DrugAction.DoseReduced => "dose-reduced",
        DrugAction.DoseIncreased => "dose-increased",
        DrugAction.NotChanged => "not-changed",
        DrugAction.NotApplicable => "not-applicable",
        _ => "unknown",
    };

    /// <summary>What to say when <see cref="TryParseAction"/> fails.</summary>
    public const string ActionHint = "Use withdrawn, dose-reduced, dose-increased, not-changed, unknown or not-applicable.";

    public static bool TryParseAction(string? key, out DrugAction? action)
    {
        action = null;
        if (string.IsNullOrWhiteSpace(key))
        {
            return true;
        }

        foreach (var a in Enum.GetValues<DrugAction>())
        {
            if (string.Equals(ActionKey(a), key.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(a.ToString(), key.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                action = a;
                return true;
            }
        }

        return false;
    }
}

public sealed record FollowUpDto(Guid Id, string Kind, string? Template, string? Language, string Text, DateTime AtUtc, string By);

public sealed record CaseDto(
    Guid Id, string Number, string Status, string? Market, string? Language, string? Channel, string SourceText, DateTime ReceivedUtc,
    string ReporterPseudonym, IReadOnlyList<CriterionDto> Criteria, bool Valid, DateOnly? Day0, DateOnly? ComputedDay0, string? Day0OverrideReason,
    IReadOnlyList<string> Seriousness, bool Serious, bool? Unexpected, string ReportingRule, DateOnly? DueDate,
    string? PatientSex, int? PatientAgeYears, IReadOnlyList<ReactionDto> Reactions, IReadOnlyList<ProductDto> Products,
    IReadOnlyList<FollowUpDto> FollowUps, bool AwaitingFollowUp, DateTime? PseudonymisedUtc)
{
    public static CaseDto From(PvCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Number, c.Status.ToString().ToLowerInvariant(), c.Market, c.Language, c.Channel, c.SourceText, c.ReceivedUtc,
            c.ReporterPseudonym, [.. c.Criteria.Select(k => new CriterionDto(k.Criterion.ToString().ToLowerInvariant(), k.Known, k.Detail, k.KnownUtc))],
            MinimumCriteria.AllKnown(c.Criteria), c.Day0, c.ComputedDay0, c.Day0OverrideReason, c.Seriousness.Names, c.Seriousness.IsSerious, c.Unexpected,
            c.Rule().Kind, c.DueDate(), c.PatientSex.ToString().ToLowerInvariant(), c.PatientAgeYears,
            [.. c.Reactions.OrderBy(r => r.AddedUtc).Select(r => new ReactionDto(r.Id, r.Term, r.ReportedText, r.MedDraCode, r.MedDraVersion, r.OnsetDate, r.Outcome.ToString()))],
            [.. c.Products.OrderBy(p => p.AddedUtc).Select(ProductDto.From)],
            [.. c.FollowUps.OrderBy(f => f.AtUtc).Select(f => new FollowUpDto(f.Id, f.Kind.ToString().ToLowerInvariant(), f.TemplateKey, f.Language, f.Text, f.AtUtc, f.By))],
            c.AwaitingFollowUp, c.PseudonymisedUtc);
    }
}

public sealed record ProposalDto(
    Guid Id, string SourceType, string SourceId, string? Channel, string? Market, string? Language, string Text, DateTime ReceivedUtc,
    string FlaggedBy, string Status, string? DecisionReason, Guid? CaseId)
{
    public static ProposalDto From(CaseProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.SourceType, p.SourceId, p.Channel, p.Market, p.Language, p.Text, p.ReceivedUtc, p.FlaggedBy,
            p.Status.ToString().ToLowerInvariant(), p.DecisionReason, p.CaseId);
    }
}

public sealed record ReasonBody(string? Reason);

public sealed record CriterionBody(bool Known, string? Detail, DateTime? KnownAt, string? Reason);

public sealed record Day0Body(DateOnly? Day0, string? Reason);

public sealed record SeriousnessBody(
    bool Death, bool LifeThreatening, bool Hospitalisation, bool Disability, bool CongenitalAnomaly, bool OtherMedicallyImportant,
    bool? Unexpected, string? Reason);

public sealed record PatientBody(string? Initials, PatientSex Sex, int? AgeYears, string? Reason);

public sealed record NarrativeBody(string? Narrative);

public sealed record ReactionBody(string? Term, string? Text, string? MedDraCode, string? MedDraVersion);

public sealed record ReactionCodingBody(DateOnly? OnsetDate, ReactionOutcome Outcome, string? MedDraCode, string? MedDraVersion);

public sealed record ProductBody(string? Name, ProductRole Role = ProductRole.Suspect);

/// <summary>
/// The whole dosing record of a product for the PUT, which replaces it: like every field here, an omitted dose form or
/// batch number is stored as empty. The PATCH (<see cref="DosingPatch"/>) changes only the members it carries.
/// </summary>
public sealed record ProductDosingBody(
    decimal? Dose, string? DoseUnit, string? Frequency, string? Route, string? Indication,
    DateOnly? TherapyStart, DateOnly? TherapyStop, string? Action, string? Reason, string? DoseForm = null, string? BatchNumber = null);

public sealed record FollowUpBody(string? Template, string? Language);

public sealed record ErasureBody(string? ReporterPlatformId, string? ReporterHandle, string? Reason);
