using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Templates;

/// <summary>A pharmaceutical company in Italy: D.Lgs. 219/2006 (advertising of medicines, arts. 113-128), GDPR, pharmacovigilance.</summary>
internal static class ItalianPharmaTemplate
{
    public static PolicyTemplate Template { get; } = new(
        "it-pharma", "IT", "it", "Social media policy (pharmaceutical company, Italy)", "Social media policy (azienda farmaceutica, Italia)",
        "Pharma company in Italy: D.Lgs. 219/2006 arts. 113-128, GDPR and Codice privacy, pharmacovigilance (AIFA).",
        [StakeholderFunction.Legal, StakeholderFunction.Medical, StakeholderFunction.Regulatory, StakeholderFunction.Compliance, StakeholderFunction.HumanResources],
        [
            new("purpose", "Purpose and scope", "Scopo e ambito",
                """
                This policy sets out how the company and its people use social media. It applies to everyone who works for or
                with the company in Italy (employees, contractors, agencies) on corporate profiles and, when they talk about the
                company, its products or its therapeutic areas, on personal profiles. It puts into practice Legislative Decree
                219/2006 (Title VIII, arts. 113-128, advertising of medicinal products), the GDPR and the Italian privacy code,
                the pharmacovigilance duties of the marketing authorisation holder and the Farmindustria code of conduct.
                """,
                """
                Questa policy stabilisce come l'azienda e le sue persone usano i social media. Si applica a chiunque lavori per o
                con l'azienda in Italia (dipendenti, collaboratori, agenzie) sui profili aziendali e, quando parla dell'azienda,
                dei suoi prodotti o delle sue aree terapeutiche, sui profili personali. Attua il D.Lgs. 219/2006 (Titolo VIII,
                artt. 113-128, pubblicità dei medicinali), il GDPR e il Codice privacy, gli obblighi di farmacovigilanza del
                titolare dell'AIC e il codice deontologico Farmindustria.
                """),
            CommonSections.Profiles(),
            CommonSections.Disclosure("#employee", "#dipendente"),
            new("sharing", "What you may and may not share", "Cosa puoi e non puoi condividere",
                """
                You may share the company's published posts from the advocacy area, news about the company as an employer,
                events, awareness campaigns without product names, and your own professional achievements.

                You may not share: anything naming a prescription medicine, comparisons with competitors, unpublished data,
                content from medical congresses aimed at healthcare professionals, or anything that promotes a product.
                """,
                """
                Puoi condividere i post pubblicati dall'azienda nell'area advocacy, notizie sull'azienda come datore di lavoro,
                eventi, campagne di sensibilizzazione senza nomi di prodotto e i tuoi risultati professionali.

                Non puoi condividere: nulla che nomini un medicinale soggetto a prescrizione, confronti con concorrenti, dati non
                pubblicati, contenuti di congressi medici rivolti agli operatori sanitari, o qualunque cosa promuova un prodotto.
                """,
                [new("May you share congress slides meant for physicians?", ["Yes, if they are public", "No"], 1)],
                [new("Puoi condividere slide di un congresso destinate ai medici?", ["Sì, se sono pubbliche", "No"], 1)]),
            new("products", "Products and prescription medicines", "Prodotti e medicinali soggetti a prescrizione",
                """
                Advertising prescription-only medicines to the public is forbidden (D.Lgs. 219/2006, art. 115). Advertising other
                medicines to the public needs the Ministry of Health's authorisation (art. 118). A post by the company or by an
                employee that names a medicine, praises its effects or mentions an unapproved use can be advertising: do not
                name prescription medicines on personal profiles, never make claims about efficacy or safety, never discuss
                unapproved (off-label) uses.

                ```rules
                rule rx-employee-share clause 5.1
                  when context is employee-share and drug-mention is prescription-only in IT
                  then block
                  message "Do not name prescription-only medicines on personal profiles (D.Lgs. 219/2006, art. 115)."
                rule rx-corporate clause 5.2
                  when context is outbound, reply and drug-mention is prescription-only in IT
                  then review
                  route mlr
                  message "A prescription-only medicine is named in a public post: medical-legal-regulatory review (art. 115)."
                rule off-label clause 5.3
                  when off-label and context is outbound, reply, employee-share
                  then block
                  message "Unapproved uses of medicines are never discussed in public."
                rule promotional-claim clause 5.4
                  when promotional-claim and context is outbound, reply, employee-share
                  then review
                  route mlr
                  message "Claims about a product need medical-legal-regulatory review and the Ministry's authorisation (art. 118)."
                ```
                """,
                """
                La pubblicità presso il pubblico dei medicinali soggetti a prescrizione è vietata (D.Lgs. 219/2006, art. 115). La
                pubblicità presso il pubblico degli altri medicinali richiede l'autorizzazione del Ministero della Salute (art. 118).
                Un post dell'azienda o di un dipendente che nomina un medicinale, ne esalta gli effetti o ne cita un uso non
                autorizzato può essere pubblicità: non nominare medicinali soggetti a prescrizione sui profili personali, non fare
                mai affermazioni su efficacia o sicurezza, non discutere mai usi non autorizzati (off-label).

                ```rules
                rule rx-employee-share clause 5.1
                  when context is employee-share and drug-mention is prescription-only in IT
                  then block
                  message "Non nominare medicinali soggetti a prescrizione sui profili personali (D.Lgs. 219/2006, art. 115)."
                rule rx-corporate clause 5.2
                  when context is outbound, reply and drug-mention is prescription-only in IT
                  then review
                  route mlr
                  message "Un post pubblico nomina un medicinale soggetto a prescrizione: revisione medico-legale-regolatoria (art. 115)."
                rule off-label clause 5.3
                  when off-label and context is outbound, reply, employee-share
                  then block
                  message "Gli usi non autorizzati dei medicinali non si discutono mai in pubblico."
                rule promotional-claim clause 5.4
                  when promotional-claim and context is outbound, reply, employee-share
                  then review
                  route mlr
                  message "Le affermazioni su un prodotto richiedono la revisione MLR e l'autorizzazione del Ministero (art. 118)."
                ```
                """,
                [new("May you name a prescription medicine in a post on your personal profile?", ["Yes, with #employee", "No, never"], 1)],
                [new("Puoi nominare un medicinale soggetto a prescrizione in un post sul tuo profilo personale?", ["Sì, con #dipendente", "No, mai"], 1)]),
            new("adverse-events", "Adverse events and medical questions", "Eventi avversi e domande mediche",
                """
                If you read online that someone had a side effect or a problem while taking one of our medicines, that is a
                possible adverse event: forward it to pharmacovigilance within one business day, even if you are unsure. Do not
                answer medical questions in public: thank the person and point them to medical information or their doctor.

                ```rules
                rule adverse-event
                  when adverse-event
                  then escalate
                  route pharmacovigilance within 24h
                  open-case
                  message "Possible adverse event: forward to pharmacovigilance within one business day."
                rule medical-question
                  when medical-inquiry and context is inbound, community
                  then review
                  route medical-information within 48h
                  message "Medical question: answer through medical information, not in public."
                rule medical-advice-reply
                  when context is reply and (medical-inquiry or off-label or drug-mention)
                  then review
                  route mlr
                  message "A reply with medical content needs medical-legal-regulatory review."
                ```
                """,
                """
                Se leggi online che qualcuno ha avuto un effetto indesiderato o un problema assumendo un nostro medicinale, è un
                possibile evento avverso: inoltralo alla farmacovigilanza entro un giorno lavorativo, anche se non sei sicuro.
                Non rispondere in pubblico a domande mediche: ringrazia la persona e indirizzala all'informazione medica o al
                suo medico.

                ```rules
                rule adverse-event
                  when adverse-event
                  then escalate
                  route pharmacovigilance within 24h
                  open-case
                  message "Possibile evento avverso: inoltrare alla farmacovigilanza entro un giorno lavorativo."
                rule medical-question
                  when medical-inquiry and context is inbound, community
                  then review
                  route medical-information within 48h
                  message "Domanda medica: si risponde tramite l'informazione medica, non in pubblico."
                rule medical-advice-reply
                  when context is reply and (medical-inquiry or off-label or drug-mention)
                  then review
                  route mlr
                  message "Una risposta con contenuti medici richiede la revisione medico-legale-regolatoria."
                ```
                """,
                [new("Within how long do you forward a possible adverse event?", ["One business day", "One week", "Only if I am sure it is one"], 0)],
                [new("Entro quando inoltri un possibile evento avverso?", ["Un giorno lavorativo", "Una settimana", "Solo se sono sicuro che lo sia"], 0)]),
            new("privacy", "Patient privacy", "Privacy dei pazienti",
                """
                Health data are special categories of personal data (GDPR, art. 9). Never publish or repeat anyone's health
                information, name, contact details or tax code, even if they shared them first. When a patient posts personal
                data on our pages, hide the comment and contact them privately.

                ```rules
                rule personal-data-public
                  when personal-data and context is outbound, reply, employee-share
                  then block
                  message "Personal data are never published (GDPR, arts. 5 and 9)."
                rule personal-data-received
                  when personal-data and context is inbound, community
                  then review
                  route privacy
                  message "Personal data in a public comment: hide it and contact the person privately."
                ```
                """,
                """
                I dati sanitari sono categorie particolari di dati personali (GDPR, art. 9). Non pubblicare né ripetere mai
                informazioni sulla salute, nomi, recapiti o codici fiscali di nessuno, anche se li ha condivisi per primo. Quando
                un paziente pubblica dati personali sulle nostre pagine, nascondi il commento e contattalo in privato.

                ```rules
                rule personal-data-public
                  when personal-data and context is outbound, reply, employee-share
                  then block
                  message "I dati personali non si pubblicano mai (GDPR, artt. 5 e 9)."
                rule personal-data-received
                  when personal-data and context is inbound, community
                  then review
                  route privacy
                  message "Dati personali in un commento pubblico: nascondilo e contatta la persona in privato."
                ```
                """),
            new("crisis", "Crisis and emergencies", "Crisi ed emergenze",
                """
                If someone writes about harming themselves or a medical emergency, the community team answers at once with
                emergency numbers (112, 118) and escalates. In a reputational crisis only the communications team speaks for
                the company; employees do not comment.

                ```rules
                rule crisis
                  when crisis
                  then escalate
                  route urgent within 1h
                  message "Possible self-harm or emergency: urgent human response, emergency numbers 112 / 118."
                ```
                """,
                """
                Se qualcuno scrive di volersi fare del male o di un'emergenza medica, il team community risponde subito con i
                numeri di emergenza (112, 118) ed effettua l'escalation. In una crisi reputazionale parla solo il team
                comunicazione; i dipendenti non commentano.

                ```rules
                rule crisis
                  when crisis
                  then escalate
                  route urgent within 1h
                  message "Possibile autolesionismo o emergenza: risposta umana urgente, numeri di emergenza 112 / 118."
                ```
                """),
            CommonSections.Confidentiality(),
            CommonSections.Respect(),
            CommonSections.Consequences(),
            CommonSections.Contacts("farmacovigilanza@example.it", "dpo@example.it"),
        ]);
}
