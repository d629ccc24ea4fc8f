using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Templates;

/// <summary>A hospital in the United States: HIPAA privacy rule, FDA rules on drug promotion, patient privacy.</summary>
internal static class UsHospitalTemplate
{
    public static PolicyTemplate Template { get; } = new(
        "us-hospital", "US", "en", "Social media policy (hospital, United States)", "Social media policy (ospedale, Stati Uniti)",
        "US hospital: HIPAA privacy rule (45 CFR 164), FDA rules on prescription drug promotion (21 CFR 202.1), patient privacy.",
        [StakeholderFunction.Legal, StakeholderFunction.Medical, StakeholderFunction.Compliance, StakeholderFunction.HumanResources],
        [
            new("purpose", "Purpose and scope", "Scopo e ambito",
                """
                This policy explains how the hospital and its workforce use social media. It applies to employees, medical
                staff, residents, students, volunteers and contractors on the hospital's accounts and, whenever they mention
                the hospital, patients or their work, on personal accounts. It puts into practice the HIPAA Privacy and
                Security Rules (45 CFR Parts 160 and 164), FDA rules on prescription drug promotion (21 CFR 202.1) and
                the FTC Endorsement Guides.
                """,
                """
                Questa policy spiega come l'ospedale e il suo personale usano i social media. Si applica a dipendenti, medici,
                specializzandi, studenti, volontari e collaboratori sugli account dell'ospedale e, quando citano l'ospedale, i
                pazienti o il proprio lavoro, sugli account personali. Attua le HIPAA Privacy e Security Rule (45 CFR parti 160 e
                164), le norme FDA sulla promozione dei farmaci con obbligo di prescrizione (21 CFR 202.1) e le FTC Endorsement Guides.
                """),
            CommonSections.Profiles(),
            CommonSections.Disclosure("#employee", "#dipendente"),
            new("sharing", "What you may and may not share", "Cosa puoi e non puoi condividere",
                """
                You may share the hospital's published posts, job openings, events and health-awareness content.
                You may not share photos or videos taken in patient areas, stories about patients (even without names:
                details can identify them), or endorsements of drugs or devices, including those of manufacturers who sponsor you.
                """,
                """
                Puoi condividere i post pubblicati dall'ospedale, le offerte di lavoro, gli eventi e i contenuti di prevenzione.
                Non puoi condividere foto o video girati nelle aree dei pazienti, storie di pazienti (anche senza nomi: i dettagli
                li rendono riconoscibili) o endorsement di farmaci o dispositivi, anche di produttori che ti sponsorizzano.
                """,
                [new("Is a patient story without the name allowed?", ["Yes", "No: details can identify the patient"], 1)],
                [new("Una storia di un paziente senza nome è ammessa?", ["Sì", "No: i dettagli possono identificare il paziente"], 1)]),
            new("products", "Medicines and medical products", "Farmaci e prodotti medicali",
                """
                The hospital does not promote prescription drugs or devices. A post that names a prescription drug together
                with a benefit must carry fair balance under FDA rules and is reviewed first; unapproved uses are never promoted.

                ```rules
                rule rx-public
                  when context is outbound, reply, employee-share and drug-mention is prescription-only in US
                  then review
                  route mlr
                  message "A prescription drug is named in a public post: medical-legal review for fair balance (21 CFR 202.1)."
                rule off-label
                  when off-label and context is outbound, reply, employee-share
                  then block
                  message "Unapproved uses are never promoted."
                rule promotional-claim
                  when promotional-claim and context is outbound, reply, employee-share
                  then review
                  route mlr
                  message "Claims about a drug or device need medical-legal review."
                ```
                """,
                """
                L'ospedale non promuove farmaci o dispositivi con obbligo di prescrizione. Un post che nomina un farmaco con
                obbligo di prescrizione insieme a un beneficio deve riportare il fair balance richiesto dalla FDA ed è rivisto
                prima; gli usi non approvati non si promuovono mai.

                ```rules
                rule rx-public
                  when context is outbound, reply, employee-share and drug-mention is prescription-only in US
                  then review
                  route mlr
                  message "Un post pubblico nomina un farmaco con obbligo di prescrizione: revisione medico-legale (21 CFR 202.1)."
                rule off-label
                  when off-label and context is outbound, reply, employee-share
                  then block
                  message "Gli usi non approvati non si promuovono mai."
                rule promotional-claim
                  when promotional-claim and context is outbound, reply, employee-share
                  then review
                  route mlr
                  message "Le affermazioni su un farmaco o dispositivo richiedono la revisione medico-legale."
                ```
                """),
            new("adverse-events", "Adverse events and medical questions", "Eventi avversi e domande mediche",
                """
                Reports of side effects go to the pharmacy and drug safety team, which reports to FDA MedWatch when required.
                Never give medical advice in public: invite the person to call their care team or the nurse line.

                ```rules
                rule adverse-event
                  when adverse-event
                  then escalate
                  route pharmacovigilance within 24h
                  open-case
                  message "Possible adverse event: forward to drug safety within one business day."
                rule medical-question
                  when medical-inquiry
                  then review
                  route medical-information within 24h
                  message "Medical question: answer privately through the care team, never in public."
                ```
                """,
                """
                Le segnalazioni di effetti indesiderati vanno alla farmacia e al team di sicurezza dei farmaci, che segnala a FDA
                MedWatch quando richiesto. Non dare mai consigli medici in pubblico: invita la persona a chiamare il proprio team
                di cura o la linea infermieristica.

                ```rules
                rule adverse-event
                  when adverse-event
                  then escalate
                  route pharmacovigilance within 24h
                  open-case
                  message "Possibile evento avverso: inoltrare alla sicurezza dei farmaci entro un giorno lavorativo."
                rule medical-question
                  when medical-inquiry
                  then review
                  route medical-information within 24h
                  message "Domanda medica: si risponde in privato tramite il team di cura, mai in pubblico."
                ```
                """),
            new("privacy", "Patient privacy (HIPAA)", "Privacy dei pazienti (HIPAA)",
                """
                Protected health information (PHI) is never posted: not names, photos, dates, room numbers, or any detail that
                could identify a patient, and never confirm that someone is or was a patient, even if they say so first.

                ```rules
                rule phi-public
                  when personal-data and context is outbound, reply, employee-share
                  then block
                  message "Protected health information is never posted (HIPAA, 45 CFR 164.502)."
                rule phi-received
                  when personal-data and context is inbound, community
                  then review
                  route privacy
                  message "A comment contains personal information: hide it and reply privately."
                ```
                """,
                """
                Le informazioni sanitarie protette (PHI) non si pubblicano mai: né nomi, foto, date, numeri di stanza o dettagli che
                possano identificare un paziente, e non si conferma mai che qualcuno sia o sia stato paziente, anche se lo dice lui.

                ```rules
                rule phi-public
                  when personal-data and context is outbound, reply, employee-share
                  then block
                  message "Le informazioni sanitarie protette non si pubblicano mai (HIPAA, 45 CFR 164.502)."
                rule phi-received
                  when personal-data and context is inbound, community
                  then review
                  route privacy
                  message "Un commento contiene informazioni personali: nascondilo e rispondi in privato."
                ```
                """,
                [new("A former patient thanks you by name in a comment. May you reply confirming their stay?", ["Yes", "No"], 1)],
                [new("Un ex paziente ti ringrazia per nome in un commento. Puoi rispondere confermando il ricovero?", ["Sì", "No"], 1)]),
            new("crisis", "Crisis and emergencies", "Crisi ed emergenze",
                """
                Posts about self-harm or a medical emergency get an immediate answer with 911 and 988 (Suicide and Crisis
                Lifeline) and are escalated. During an incident only the communications team speaks for the hospital.

                ```rules
                rule crisis
                  when crisis
                  then escalate
                  route urgent within 1h
                  message "Possible self-harm or emergency: answer now with 911 / 988 and escalate."
                ```
                """,
                """
                I post su autolesionismo o emergenze mediche ricevono subito una risposta con 911 e 988 (Suicide and Crisis
                Lifeline) e vengono inoltrati. Durante un incidente parla solo il team comunicazione dell'ospedale.

                ```rules
                rule crisis
                  when crisis
                  then escalate
                  route urgent within 1h
                  message "Possibile autolesionismo o emergenza: rispondi subito con 911 / 988 ed effettua l'escalation."
                ```
                """),
            CommonSections.Confidentiality(),
            CommonSections.Respect(),
            CommonSections.Consequences(),
            CommonSections.Contacts("drugsafety@example.org", "privacy.officer@example.org"),
        ]);
}
