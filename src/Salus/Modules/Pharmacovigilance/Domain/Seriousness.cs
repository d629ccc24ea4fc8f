namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>The ICH E2A / E2B(R3) seriousness criteria (E.i.3.2a–f). Any one makes a case serious.</summary>
public sealed record Seriousness(
    bool Death = false,
    bool LifeThreatening = false,
    bool Hospitalisation = false,
    bool Disability = false,
    bool CongenitalAnomaly = false,
    bool OtherMedicallyImportant = false)
{
    public bool IsSerious => Death || LifeThreatening || Hospitalisation || Disability || CongenitalAnomaly || OtherMedicallyImportant;

    /// <summary>The criteria that apply, by their stable names (used in the UI, API and CIOMS form).</summary>
    public IReadOnlyList<string> Names =>
    [
        .. new (bool On, string Name)[]
        {
            (Death, "death"), (LifeThreatening, "life-threatening"), (Hospitalisation, "hospitalisation"),
            (Disability, "disability"), (CongenitalAnomaly, "congenital-anomaly"), (OtherMedicallyImportant, "other-medically-important"),
        }.Where(c => c.On).Select(c => c.Name),
    ];
}
