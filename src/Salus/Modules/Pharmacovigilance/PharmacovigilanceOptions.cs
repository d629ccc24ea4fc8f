using System.ComponentModel.DataAnnotations;

namespace Salus.Modules.Pharmacovigilance;

public sealed class PharmacovigilanceOptions
{
    public const string Section = "Salus:Pharmacovigilance";

    /// <summary>E2B(R3) sender identifier (N.2.r.2) and the organisation part of case identifiers (C.1.1).</summary>
    [Required]
    [RegularExpression("^[A-Z0-9]{2,20}$", ErrorMessage = "SenderId must be 2-20 upper-case letters or digits.")]
    public string SenderId { get; set; } = "SALUS";

    /// <summary>Name of the marketing authorisation holder put in the export (sender organisation).</summary>
    [Required]
    public string SenderOrganisation { get; set; } = "Salus Demo Pharma";

    /// <summary>A case is "soon due" this many days before its due date.</summary>
    [Range(1, 30)]
    public int SoonDueDays { get; set; } = 3;

    /// <summary>Days a pending proposal may wait before the reconciliation report shows it as a gap.</summary>
    [Range(0, 30)]
    public int ProposalGraceDays { get; set; } = 1;
}
