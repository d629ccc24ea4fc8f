using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Templates;

/// <summary>A generic healthcare organisation in the EU: Directive 2001/83/EC (advertising), GDPR, pharmacovigilance (GVP).</summary>
internal static class EuHealthcareTemplate
{
    public static PolicyTemplate Template { get; } = new(
        "eu-healthcare", "EU", "en", "Social media policy (healthcare organisation, EU)", "Social media policy (organizzazione sanitaria, UE)",
        "Generic EU healthcare organisation: Directive 2001/83/EC arts. 86-100, GDPR, EMA good pharmacovigilance practices.",
        [StakeholderFunction.Legal, StakeholderFunction.Medical, StakeholderFunction.Compliance],
        [
            new("purpose", "Purpose and scope", "Scopo e ambito",
                """
                This policy explains how the organisation and its people use social media across the European Union. It
                applies to everyone working for the organisation on corporate profiles and, when they mention the organisation
                or its field, on personal profiles. It follows Directive 2001/83/EC (Title VIII, advertising), the GDPR and
                the EMA's good pharmacovigilance practices; national rules apply on top of it.
                """,
                """
                Questa policy spiega come l'organizzazione e le sue persone usano i social media nell'Unione europea. Si applica a
                chiunque lavori per l'organizzazione sui profili aziendali e, quando cita l'organizzazione o il suo ambito, sui
                profili personali. Segue la direttiva 2001/83/CE (Titolo VIII, pubblicità), il GDPR e le buone pratiche di
                farmacovigilanza dell'EMA; le norme nazionali si aggiungono.
                """),
            CommonSections.Profiles(),
            CommonSections.Disclosure("#employee", "#dipendente"),
            new("sharing", "What you may and may not share", "Cosa puoi e non puoi condividere",
                """
                You may share the organisation's published posts, news, events and awareness campaigns. You may not share
                product promotion, unpublished data, or anything about patients.
                """,
                """
                Puoi condividere i post pubblicati dall'organizzazione, notizie, eventi e campagne di sensibilizzazione. Non puoi
                condividere promozione di prodotti, dati non pubblicati o nulla che riguardi i pazienti.
                """),
            new("products", "Products and prescription medicines", "Prodotti e medicinali soggetti a prescrizione",
                """
                Advertising prescription-only medicines to the general public is prohibited (Directive 2001/83/EC, art. 88).
                Do not name them in public posts without review, and never on personal profiles.

                ```rules
                rule rx-employee-share
                  when context is employee-share and drug-mention is prescription-only in EU
                  then block
                  message "Prescription-only medicines are not named on personal profiles (Directive 2001/83/EC, art. 88)."
                rule rx-corporate
                  when context is outbound, reply and drug-mention is prescription-only in EU
                  then review
                  route mlr
                  message "A prescription-only medicine is named in a public post: medical-legal-regulatory review."
                rule off-label
                  when off-label and context is outbound, reply, employee-share
                  then block
                  message "Unapproved uses are never discussed in public."
                ```
                """,
                """
                La pubblicità presso il pubblico dei medicinali soggetti a prescrizione è vietata (direttiva 2001/83/CE, art. 88).
                Non nominarli nei post pubblici senza revisione, e mai sui profili personali.

                ```rules
                rule rx-employee-share
                  when context is employee-share and drug-mention is prescription-only in EU
                  then block
                  message "I medicinali soggetti a prescrizione non si nominano sui profili personali (direttiva 2001/83/CE, art. 88)."
                rule rx-corporate
                  when context is outbound, reply and drug-mention is prescription-only in EU
                  then review
                  route mlr
                  message "Un post pubblico nomina un medicinale soggetto a prescrizione: revisione medico-legale-regolatoria."
                rule off-label
                  when off-label and context is outbound, reply, employee-share
                  then block
                  message "Gli usi non autorizzati non si discutono mai in pubblico."
                ```
                """),
            new("adverse-events", "Adverse events and medical questions", "Eventi avversi e domande mediche",
                """
                Any possible adverse event seen online goes to pharmacovigilance within one business day (GVP Module VI).
                Medical questions are answered privately by medical information.

                ```rules
                rule adverse-event
                  when adverse-event
                  then escalate
                  route pharmacovigilance within 24h
                  open-case
                  message "Possible adverse event: forward to pharmacovigilance within one business day."
                rule medical-question
                  when medical-inquiry
                  then review
                  route medical-information within 48h
                  message "Medical question: answer through medical information, not in public."
                ```
                """,
                """
                Ogni possibile evento avverso visto online va alla farmacovigilanza entro un giorno lavorativo (GVP Modulo VI). Alle
                domande mediche risponde in privato l'informazione medica.

                ```rules
                rule adverse-event
                  when adverse-event
                  then escalate
                  route pharmacovigilance within 24h
                  open-case
                  message "Possibile evento avverso: inoltrare alla farmacovigilanza entro un giorno lavorativo."
                rule medical-question
                  when medical-inquiry
                  then review
                  route medical-information within 48h
                  message "Domanda medica: si risponde tramite l'informazione medica, non in pubblico."
                ```
                """),
            new("privacy", "Patient privacy", "Privacy dei pazienti",
                """
                Health data are special categories of personal data (GDPR, art. 9): never publish anyone's health information
                or identifying details.

                ```rules
                rule personal-data-public
                  when personal-data and context is outbound, reply, employee-share
                  then block
                  message "Personal data are never published (GDPR)."
                rule personal-data-received
                  when personal-data and context is inbound, community
                  then review
                  route privacy
                  message "Personal data in a public comment: hide it and contact the person privately."
                ```
                """,
                """
                I dati sanitari sono categorie particolari di dati personali (GDPR, art. 9): non pubblicare mai informazioni sulla
                salute o dati identificativi di nessuno.

                ```rules
                rule personal-data-public
                  when personal-data and context is outbound, reply, employee-share
                  then block
                  message "I dati personali non si pubblicano mai (GDPR)."
                rule personal-data-received
                  when personal-data and context is inbound, community
                  then review
                  route privacy
                  message "Dati personali in un commento pubblico: nascondilo e contatta la persona in privato."
                ```
                """),
            new("crisis", "Crisis and emergencies", "Crisi ed emergenze",
                """
                Posts about self-harm or a medical emergency get an immediate answer with the European emergency number 112.

                ```rules
                rule crisis
                  when crisis
                  then escalate
                  route urgent within 1h
                  message "Possible self-harm or emergency: urgent human response, emergency number 112."
                ```
                """,
                """
                I post su autolesionismo o emergenze mediche ricevono subito una risposta con il numero di emergenza europeo 112.

                ```rules
                rule crisis
                  when crisis
                  then escalate
                  route urgent within 1h
                  message "Possibile autolesionismo o emergenza: risposta umana urgente, numero di emergenza 112."
                ```
                """),
            CommonSections.Confidentiality(),
            CommonSections.Respect(),
            CommonSections.Consequences(),
            CommonSections.Contacts("pharmacovigilance@example.eu", "dpo@example.eu"),
        ]);
}
