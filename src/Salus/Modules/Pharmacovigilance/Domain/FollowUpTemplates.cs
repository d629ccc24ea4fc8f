namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>One approved follow-up message, in English and Italian. {case} is replaced with the case number.</summary>
public sealed record FollowUpTemplate(string Key, string English, string Italian)
{
    public string Render(string language, string caseNumber) =>
        (language == "it" ? Italian : English).Replace("{case}", caseNumber, StringComparison.Ordinal);
}

/// <summary>
/// The approved follow-up requests (reviewed by PV and medical-legal-regulatory). Officers pick one; free text is
/// not offered so that nothing unapproved goes out on a public platform's private channel.
/// </summary>
public static class FollowUpTemplates
{
    public static readonly IReadOnlyList<FollowUpTemplate> All =
    [
        new("patient",
            "Thank you for telling us about your experience. To look into it properly, could you tell us the age and sex of the person who had the reaction? Your reply stays confidential (ref. {case}).",
            "Grazie per averci raccontato la sua esperienza. Per valutarla correttamente, potrebbe indicarci età e sesso della persona che ha avuto la reazione? La risposta resta riservata (rif. {case})."),
        new("product",
            "Thank you for contacting us. Could you tell us the exact name of the medicine, the dose and when it was started? Your reply stays confidential (ref. {case}).",
            "Grazie per averci contattato. Potrebbe indicarci il nome esatto del medicinale, la dose e quando è stato iniziato? La risposta resta riservata (rif. {case})."),
        new("reaction",
            "Thank you for your message. Could you describe the reaction, when it started and how the person is now? Your reply stays confidential (ref. {case}).",
            "Grazie per il suo messaggio. Potrebbe descrivere la reazione, quando è iniziata e come sta ora la persona? La risposta resta riservata (rif. {case})."),
        new("outcome",
            "Thank you again for your report. Did the reaction require a visit to hospital, and has it resolved? Your reply stays confidential (ref. {case}).",
            "Grazie ancora per la sua segnalazione. La reazione ha richiesto un ricovero o una visita in ospedale, ed è passata? La risposta resta riservata (rif. {case})."),
    ];

    public static FollowUpTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
