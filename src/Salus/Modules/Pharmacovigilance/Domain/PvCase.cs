using Salus.Platform.Audit;

namespace Salus.Modules.Pharmacovigilance.Domain;

public enum CaseStatus
{
    Open,
    Reported,
    Closed,
}

public enum PatientSex
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// A pharmacovigilance case opened from a confirmed proposal. Holds the four minimum criteria (what is known, since
/// when), day 0, seriousness and the reporter's identity, which is pseudonymised on export and on erasure.
/// </summary>
public sealed class PvCase
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Human case number, e.g. <c>PV-2026-0001</c>.</summary>
    public string Number { get; set; } = "";

    public Guid ProposalId { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public string? Market { get; set; }

    public string? Language { get; set; }

    public string? Channel { get; set; }

    public Guid? ChannelId { get; set; }

    public string SourceType { get; set; } = "";

    public string SourceId { get; set; } = "";

    /// <summary>The text as received (kept: it is the source document of the report).</summary>
    public string SourceText { get; set; } = "";

    public string? Permalink { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public DateTime OpenedUtc { get; set; }

    public string OpenedBy { get; set; } = "";

    [AuditRedact]
    public string? ReporterPlatformId { get; set; }

    [AuditRedact]
    public string? ReporterHandle { get; set; }

    [AuditRedact]
    public string? ReporterDisplayName { get; set; }

    /// <summary>Stable pseudonym of the reporter, used wherever the handle must not appear (exports, after erasure).</summary>
    public string ReporterPseudonym { get; set; } = "";

    [AuditRedact]
    public string? PatientInitials { get; set; }

    public PatientSex PatientSex { get; set; }

    public int? PatientAgeYears { get; set; }

    public string? ReporterDetail { get; set; }

    public DateTime? ReporterKnownUtc { get; set; }

    public string? PatientDetail { get; set; }

    public DateTime? PatientKnownUtc { get; set; }

    public string? ReactionDetail { get; set; }

    public DateTime? ReactionKnownUtc { get; set; }

    public string? ProductDetail { get; set; }

    public DateTime? ProductKnownUtc { get; set; }

    /// <summary>Day 0 set by an officer (with a reason, audited); otherwise day 0 follows from the criteria.</summary>
    public DateOnly? Day0Override { get; set; }

    public string? Day0OverrideReason { get; set; }

    public bool Death { get; set; }

    public bool LifeThreatening { get; set; }

    public bool Hospitalisation { get; set; }

    public bool Disability { get; set; }

    public bool CongenitalAnomaly { get; set; }

    public bool OtherMedicallyImportant { get; set; }

    /// <summary>Not listed in the reference safety information; null = not yet assessed (treated as unexpected).</summary>
    public bool? Unexpected { get; set; }

    public string? Narrative { get; set; }

    /// <summary>A follow-up request was sent and no reply has been attached yet.</summary>
    public bool AwaitingFollowUp { get; set; }

    public DateTime? ReportedUtc { get; set; }

    /// <summary>Set when a patient's erasure request pseudonymised the case (the case itself is kept by law).</summary>
    public DateTime? PseudonymisedUtc { get; set; }

    public List<CaseReaction> Reactions { get; set; } = [];

    public List<CaseProduct> Products { get; set; } = [];

    public List<FollowUp> FollowUps { get; set; } = [];

    public Seriousness Seriousness => new(Death, LifeThreatening, Hospitalisation, Disability, CongenitalAnomaly, OtherMedicallyImportant);

    public IReadOnlyList<CriterionState> Criteria =>
    [
        new(Criterion.Reporter, ReporterDetail, ReporterKnownUtc),
        new(Criterion.Patient, PatientDetail, PatientKnownUtc),
        new(Criterion.Reaction, ReactionDetail, ReactionKnownUtc),
        new(Criterion.Product, ProductDetail, ProductKnownUtc),
    ];

    public DateOnly? ComputedDay0 => MinimumCriteria.Day0(Criteria);

    public DateOnly? Day0 => Day0Override ?? ComputedDay0;

    public ReportingRule Rule(IReadOnlyList<ReportingRule>? table = null) => ReportingRules.For(Market, Seriousness.IsSerious, Unexpected, table);

    public DateOnly? DueDate(IReadOnlyList<ReportingRule>? table = null) => ReportingRules.DueDate(Day0, Rule(table));

    public void SetCriterion(Criterion criterion, string? detail, DateTime? knownUtc)
    {
        switch (criterion)
        {
            case Criterion.Reporter: (ReporterDetail, ReporterKnownUtc) = (detail, knownUtc); break;
            case Criterion.Patient: (PatientDetail, PatientKnownUtc) = (detail, knownUtc); break;
            case Criterion.Reaction: (ReactionDetail, ReactionKnownUtc) = (detail, knownUtc); break;
            case Criterion.Product: (ProductDetail, ProductKnownUtc) = (detail, knownUtc); break;
            default: throw new ArgumentOutOfRangeException(nameof(criterion));
        }
    }

    public void SetSeriousness(Seriousness s) =>
        (Death, LifeThreatening, Hospitalisation, Disability, CongenitalAnomaly, OtherMedicallyImportant) =
        (s.Death, s.LifeThreatening, s.Hospitalisation, s.Disability, s.CongenitalAnomaly, s.OtherMedicallyImportant);
}

/// <summary>A suspected reaction: the engine's reaction term (when one applies), the words used, an optional MedDRA code.</summary>
public sealed class CaseReaction
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CaseId { get; set; }

    /// <summary>The screening engine's reaction id (e.g. <c>headache</c>, shared by English and Italian).</summary>
    public string? Term { get; set; }

    /// <summary>As reported by the primary source, in its language.</summary>
    public string ReportedText { get; set; } = "";

    /// <summary>MedDRA LLT/PT code entered by the officer (MedDRA itself is licensed and not shipped).</summary>
    public string? MedDraCode { get; set; }

    public string? MedDraVersion { get; set; }

    /// <summary>Date the reaction started (E.i.4), when the reporter said.</summary>
    public DateOnly? OnsetDate { get; set; }

    public ReactionOutcome Outcome { get; set; }

    public DateTime AddedUtc { get; set; }
}

/// <summary>Outcome of a reaction at the last observation; the values are the E2B(R3) E.i.7 codes.</summary>
public enum ReactionOutcome
{
    Unknown = 0,
    Recovered = 1,
    Recovering = 2,
    NotRecovered = 3,
    RecoveredWithSequelae = 4,
    Fatal = 5,
}

public enum ProductRole
{
    Suspect,
    Concomitant,
    Interacting,
}

/// <summary>A product in the case, linked to the drug lexicon when the name is known there.</summary>
public sealed class CaseProduct
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CaseId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lexicon code: DrugBank id, else <c>AIC:</c>, <c>ATC:</c> or <c>OB:</c> code.</summary>
    public string? Code { get; set; }

    /// <summary>Active ingredients, separated by "; ".</summary>
    public string? Ingredients { get; set; }

    public ProductRole Role { get; set; } = ProductRole.Suspect;

    public DateTime AddedUtc { get; set; }

    /// <summary>Dose per administration (G.k.4.r.1a), with its UCUM unit (G.k.4.r.1b) from <see cref="Dosing.Units"/>.</summary>
    public decimal? DoseValue { get; set; }

    public string? DoseUnit { get; set; }

    /// <summary>How often, as reported ("twice a day"); exported in the dosage text (G.k.4.r.8).</summary>
    public string? Frequency { get; set; }

    /// <summary>Key of <see cref="Dosing.Routes"/>.</summary>
    public string? Route { get; set; }

    /// <summary>Indication as reported by the primary source (G.k.7.r.1).</summary>
    public string? Indication { get; set; }

    public DateOnly? TherapyStart { get; set; }

    public DateOnly? TherapyStop { get; set; }

    /// <summary>Action taken with the drug (G.k.8); null = not recorded.</summary>
    public DrugAction? Action { get; set; }

    /// <summary>Pharmaceutical dose form as reported, free text (G.k.4.r.9.1, at most 60 characters).</summary>
    public string? DoseForm { get; set; }

    /// <summary>Batch / lot number (G.k.4.r.7, at most 35 characters).</summary>
    public string? BatchNumber { get; set; }

    /// <summary>The stored dosing record, as a PUT would send it.</summary>
    public DosingUpdate DosingRecord() =>
        new(DoseValue, DoseUnit, Frequency, Route, Indication, TherapyStart, TherapyStop, Action, DoseForm, BatchNumber);

    public void SetDosing(DosingUpdate d)
    {
        ArgumentNullException.ThrowIfNull(d);
        DoseValue = d.Dose;
        DoseUnit = Clean(d.DoseUnit);
        Frequency = Clean(d.Frequency);
        Route = Clean(d.Route);
        Indication = Clean(d.Indication);
        TherapyStart = d.TherapyStart;
        TherapyStop = d.TherapyStop;
        Action = d.Action;
        DoseForm = Clean(d.DoseForm);
        BatchNumber = Clean(d.BatchNumber);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public enum FollowUpKind
{
    Request,
    Reply,
}

/// <summary>A follow-up request sent to the reporter, or a reply that came back on the same channel.</summary>
public sealed class FollowUp
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CaseId { get; set; }

    public FollowUpKind Kind { get; set; }

    public string? TemplateKey { get; set; }

    public string? Language { get; set; }

    public string Text { get; set; } = "";

    public string? PlatformItemId { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";
}

public enum DuplicateStatus
{
    Suggested,
    Linked,
    Dismissed,
}

/// <summary>A suggestion that two cases describe the same event, with a score and the reasons; an officer decides.</summary>
public sealed class DuplicateSuggestion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CaseId { get; set; }

    public Guid OtherCaseId { get; set; }

    public double Score { get; set; }

    public string Reason { get; set; } = "";

    public DuplicateStatus Status { get; set; } = DuplicateStatus.Suggested;

    public DateTime SuggestedUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }
}

public enum AlertKind
{
    SoonDue,
    Overdue,
}

/// <summary>A deadline alert raised by the durable deadline job; one per case, kind and due date.</summary>
public sealed class CaseAlert
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CaseId { get; set; }

    public AlertKind Kind { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTime RaisedUtc { get; set; }
}
