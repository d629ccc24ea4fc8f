using Salus.Modules.Policies.Domain;

namespace Salus.Modules.Policies.Templates;

/// <summary>Sections whose substance is the same for every healthcare organisation; market templates add the regulatory ones.</summary>
internal static class CommonSections
{
    public static TemplateSection Profiles() => new(
        "profiles", "Corporate and personal profiles", "Profili aziendali e profili personali",
        """
        **Corporate profiles** (the organisation's pages and accounts) are run only by the communications team, with content
        approved in Salus. Nobody else opens an account in the organisation's name or uses its logo.

        **Personal profiles** are yours. You may say where you work, but you speak for yourself: write "my views are my own"
        in your bio when you talk about your work, and never present a personal opinion as the organisation's position.
        """,
        """
        I **profili aziendali** (pagine e account dell'organizzazione) sono gestiti solo dal team comunicazione, con contenuti
        approvati in Salus. Nessun altro apre account a nome dell'organizzazione o ne usa il logo.

        I **profili personali** sono tuoi. Puoi dire dove lavori, ma parli a titolo personale: scrivi "le opinioni sono mie"
        nella bio quando parli del tuo lavoro e non presentare mai un'opinione personale come posizione dell'organizzazione.
        """,
        [new("May you open an account in the organisation's name?", ["Yes, if my manager agrees", "No, only the communications team runs corporate profiles"], 1)],
        [new("Puoi aprire un account a nome dell'organizzazione?", ["Sì, se il mio responsabile è d'accordo", "No, i profili aziendali li gestisce solo il team comunicazione"], 1)]);

    public static TemplateSection Disclosure(string tag, string tagIt) => new(
        "disclosure", "Disclosure of affiliation", "Dichiarazione del rapporto di lavoro",
        $$"""
        When you share or comment on content about the organisation, its products or its therapeutic areas, say that you work
        here, every time, in the post itself (not only in your bio): add **{{tag}}** or a sentence such as "I work for ...".
        Salus adds the disclosure to shares started from the advocacy area.

        ```rules
        rule disclosure-missing
          when context is employee-share and missing-disclosure
          then block
          disclose "{{tag}}"
          message "Say that you work for the organisation: add {{tag}} to the post."
        ```
        """,
        $$"""
        Quando condividi o commenti contenuti sull'organizzazione, i suoi prodotti o le sue aree terapeutiche, dichiara ogni
        volta che ci lavori, nel post stesso (non solo nella bio): aggiungi **{{tagIt}}** o una frase come "lavoro per ...".
        Salus aggiunge la dichiarazione alle condivisioni avviate dall'area advocacy.

        ```rules
        rule disclosure-missing
          when context is employee-share and missing-disclosure
          then block
          disclose "{{tagIt}}"
          message "Dichiara che lavori per l'organizzazione: aggiungi {{tagIt}} al post."
        ```
        """,
        [new("Where must the disclosure appear?", ["In my bio is enough", "In each post about the organisation or its areas"], 1)],
        [new("Dove va la dichiarazione?", ["Basta nella bio", "In ogni post sull'organizzazione o sulle sue aree"], 1)]);

    public static TemplateSection Confidentiality() => new(
        "confidentiality", "Confidentiality", "Riservatezza",
        """
        Never share unpublished results, pipeline or regulatory information, prices and tenders, internal documents,
        photographs taken inside laboratories, plants or wards, or anything about colleagues that they have not made public.
        If in doubt, do not post: ask the communications team.
        """,
        """
        Non condividere mai risultati non pubblicati, informazioni su pipeline o iter regolatori, prezzi e gare, documenti
        interni, fotografie scattate in laboratori, stabilimenti o reparti, né nulla sui colleghi che non abbiano reso pubblico.
        Nel dubbio non pubblicare: chiedi al team comunicazione.
        """);

    public static TemplateSection Respect() => new(
        "respect", "Respect and moderation", "Rispetto e moderazione",
        """
        Be courteous, also when others are not. Do not insult, harass or discriminate; do not argue with patients or critics
        in public. On corporate profiles the community team hides abusive comments and answers privately when needed,
        following the published moderation rules.

        ```rules
        rule abuse-public
          when abuse and context is outbound, reply, employee-share
          then block
          message "Abusive or offensive language is never published."
        rule abuse-received
          when abuse and context is inbound, community
          then review
          route moderation
          message "Abusive comment: hide it and review under the moderation rules."
        ```
        """,
        """
        Sii cortese, anche quando gli altri non lo sono. Non insultare, molestare o discriminare; non discutere in pubblico con
        pazienti o critici. Sui profili aziendali il team community nasconde i commenti offensivi e risponde in privato quando
        serve, secondo le regole di moderazione pubblicate.

        ```rules
        rule abuse-public
          when abuse and context is outbound, reply, employee-share
          then block
          message "Un linguaggio offensivo non viene mai pubblicato."
        rule abuse-received
          when abuse and context is inbound, community
          then review
          route moderation
          message "Commento offensivo: nascondilo e valutalo secondo le regole di moderazione."
        ```
        """);

    public static TemplateSection Consequences() => new(
        "consequences", "Consequences", "Conseguenze",
        """
        Breaking this policy may lead to the removal of content and to disciplinary measures under the employment contract
        and the applicable collective agreement, proportionate to the seriousness of the breach. Reporting a mistake quickly
        (yours or a colleague's) is always the right thing to do and is taken into account.
        """,
        """
        La violazione di questa policy può comportare la rimozione dei contenuti e provvedimenti disciplinari secondo il
        contratto di lavoro e il contratto collettivo applicabile, proporzionati alla gravità. Segnalare subito un errore
        (tuo o di un collega) è sempre la cosa giusta e se ne tiene conto.
        """);

    public static TemplateSection Contacts(string pvEmail, string privacyEmail) => new(
        "contacts", "Contacts", "Contatti",
        $"""
        - Communications team: for anything about corporate profiles, sharing and doubts on this policy.
        - Pharmacovigilance: {pvEmail} (adverse events, within one business day).
        - Data protection officer: {privacyEmail}.
        - Medical information: questions about products and therapies.
        - Human resources and employee representatives: questions about consequences and your rights.
        """,
        $"""
        - Team comunicazione: per tutto ciò che riguarda i profili aziendali, le condivisioni e i dubbi su questa policy.
        - Farmacovigilanza: {pvEmail} (eventi avversi, entro un giorno lavorativo).
        - Responsabile della protezione dei dati: {privacyEmail}.
        - Informazione medica: domande su prodotti e terapie.
        - Risorse umane e rappresentanti dei lavoratori: domande sulle conseguenze e sui tuoi diritti.
        """);

    public static IReadOnlyList<QuizQuestion> NoQuiz { get; } = [];
}
