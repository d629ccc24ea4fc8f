namespace Salus.Screening.Lexicons;

/// <summary>
/// Small built-in cue lists that the engine needs even when a curated file is missing. Curated files in
/// Resources/Curated extend them; nothing here is copied from elsewhere.
/// </summary>
internal static class BuiltInTerms
{
    public static readonly string[] StopwordsEn =
    [
        "the", "and", "is", "of", "to", "it", "with", "for", "was", "this", "that", "have", "on", "but", "not", "you",
        "are", "my", "i", "me", "been", "be", "what", "just", "so", "about", "from", "after", "they", "he", "she",
        "has", "had", "would", "should", "can", "do", "does", "did", "if", "or", "at", "an", "any", "some", "very",
        "get", "got", "take", "taking", "feel", "feeling", "since", "now", "really", "all", "out", "when", "how", "why",
    ];

    public static readonly string[] StopwordsIt =
    [
        "il", "lo", "la", "gli", "le", "di", "che", "non", "per", "un", "una", "uno", "sono", "ho", "hai", "ha",
        "mi", "ti", "si", "con", "del", "della", "dei", "delle", "nel", "nella", "ma", "anche", "questo", "questa",
        "mio", "mia", "come", "dopo", "da", "dal", "alla", "al", "ai", "sto", "stato", "stata", "molto", "tutto",
        "quando", "perche", "cosa", "gia", "ancora", "poi", "io", "e stato", "piu", "oggi", "ieri", "solo", "sempre",
    ];

    public static readonly string[] DrugCuesEn =
    [
        "take", "takes", "taking", "took", "taken", "tablet", "tablets", "pill", "pills", "mg", "mcg", "dose", "doses",
        "dosage", "prescribed", "prescription", "capsule", "capsules", "medication", "medications", "medicine", "meds",
        "med", "drug", "drugs", "side effect", "side effects", "started", "stopped", "syrup", "injection", "shot",
        "pharmacy", "pharmacist", "doctor", "generic", "brand", "daily", "twice a day", "every day", "switched to",
        "weaning off", "coming off", "on", "off", "ibuprofen", "painkiller", "painkillers", "antidepressant",
    ];

    public static readonly string[] DrugCuesIt =
    [
        "prendo", "preso", "presa", "prendere", "prende", "prendeva", "assumo", "assunto", "assumere", "assunzione",
        "compressa", "compresse", "pastiglia", "pastiglie", "pillola", "pillole", "mg", "dose", "dosi", "dosaggio",
        "ricetta", "prescritto", "prescritta", "capsula", "capsule", "bustina", "bustine", "gocce", "farmaco",
        "farmaci", "medicina", "medicinale", "medicinali", "effetti collaterali", "effetto collaterale", "sciroppo",
        "iniezione", "puntura", "farmacia", "farmacista", "medico", "generico", "al giorno", "sospeso", "iniziato",
        "antidolorifico", "antinfiammatorio",
    ];

    // References to a medicine without naming it: enough drug context for an adverse-event report.
    public static readonly string[] DrugReferencesEn =
    [
        "this medication", "this medicine", "this drug", "this pill", "these pills", "the medication", "the medicine",
        "the drug", "the pill", "the pills", "my medication", "my medicine", "my meds", "new medication", "new meds",
        "the vaccine", "this vaccine", "the jab", "the shot", "my pills", "the tablets", "these tablets", "antidepressant",
        "antidepressants", "antibiotic", "antibiotics", "painkiller", "painkillers", "birth control", "the injection",
        "side effect", "side effects", "the treatment", "this treatment", "chemo", "your product", "your drug",
        "flu jab", "flu shot", "flu vaccine", "covid jab", "covid shot", "covid vaccine", "the booster", "my booster",
        "booster shot", "booster jab", "statin", "statins", "ssri", "ssris", "snri", "snris", "benzo", "benzos",
        "benzodiazepines", "opioids", "opiates", "steroids", "antihistamine", "antihistamines", "antipsychotic",
        "antipsychotics", "beta blocker", "beta blockers", "blood thinner", "blood thinners", "sleeping pills",
        "muscle relaxer", "muscle relaxers",
    ];

    public static readonly string[] DrugReferencesIt =
    [
        "questo farmaco", "questa medicina", "questo medicinale", "il farmaco", "la medicina", "il medicinale",
        "le pillole", "la pillola", "queste pillole", "queste compresse", "le compresse", "il vaccino", "questo vaccino",
        "la terapia", "questa terapia", "la cura", "nuovo farmaco", "nuova terapia", "antidepressivo", "antidepressivi",
        "antibiotico", "antibiotici", "antidolorifico", "antidolorifici", "la puntura", "effetti collaterali",
        "effetto collaterale", "chemio", "il vostro farmaco", "il vostro prodotto",
        "da quando lo prendo", "da quando la prendo", "da quando li prendo", "da quando le prendo", "da quando lo assumo",
        "da quando la assumo", "da quando lo uso", "da quando la uso", "a prenderlo", "a prenderla", "a prenderli",
        "a prenderle", "dopo averle prese", "dopo averli presi", "vaccino antinfluenzale", "l antinfluenzale",
        "il richiamo", "la terza dose", "statina", "statine", "ssri", "benzodiazepine", "ansiolitico", "ansiolitici",
        "antistaminico", "antistaminici", "antipsicotico", "antipsicotici", "betabloccante", "betabloccanti",
        "anticoagulante", "anticoagulanti", "sonnifero", "sonniferi", "oppioidi", "cortisonico", "cortisonici",
        "miorilassante",
    ];

    public static readonly string[] FirstPersonEn =
    [
        "i", "i m", "im", "i ve", "ive", "i d", "i ll", "me", "my", "myself", "i am", "i have", "i was", "i feel", "i get",
    ];

    public static readonly string[] FirstPersonIt =
    [
        "ho", "mi", "io", "me", "mio", "mia", "miei", "mie", "sono stato", "sono stata", "mi sento", "avevo", "ero",
        "mi e venuto", "mi e venuta", "mi sono", "sto",
    ];

    public static readonly string[] ThirdPersonEn =
    [
        "my son", "my daughter", "my wife", "my husband", "my mother", "my mom", "my mum", "my father", "my dad",
        "my brother", "my sister", "my friend", "my partner", "my baby", "my child", "my kid", "my grandmother",
        "my grandfather", "my boyfriend", "my girlfriend", "he", "she", "her", "his", "patient", "my patient",
    ];

    public static readonly string[] ThirdPersonIt =
    [
        "mio figlio", "mia figlia", "mia moglie", "mio marito", "mia madre", "mia mamma", "mio padre", "mio papa",
        "mio fratello", "mia sorella", "mio amico", "mia amica", "il mio compagno", "la mia compagna", "mia nonna",
        "mio nonno", "il mio bambino", "la mia bambina", "lui", "lei", "gli", "le e venuto", "paziente",
    ];

    // Sentence-level cues: the reaction is attributed to something else or explicitly not to the medicine.
    public static readonly string[] CausalityDenialEn =
    [
        "nothing to do with", "not from the", "not my meds", "not the pills", "not the medication", "not caused by",
        "is from", "was from", "before i ever took", "before i started", "not because of", "unrelated to",
        "attributed to", "i attributed it to", "i put it down to", "not sure if it s related", "not sure it s related",
        "can be directly connected",
    ];

    public static readonly string[] CausalityDenialIt =
    [
        "non c entra", "non centra", "non dipende", "non e colpa", "non e stato il", "non e stata la", "e dovuto a",
        "prima di prendere", "prima di iniziare", "non per colpa", "attribuito a", "attribuita a", "l ho attribuito",
        "non so se dipende", "non so se c entra",
    ];

    // Hypothetical, future or second-hand information: the reaction is not (yet) experienced.
    public static readonly string[] SpeculationExtraEn =
    [
        "if", "about to", "going to start", "gonna start", "before starting", "leaflet", "label says", "lists", "warned about",
        "risk of", "might", "may cause", "can cause", "could cause", "worried about", "scared of", "afraid of",
    ];

    public static readonly string[] SpeculationExtraIt =
    [
        "se", "sto per", "devo iniziare", "prima di iniziare", "foglietto", "bugiardino", "rischio di", "potrebbe",
        "puo causare", "possono causare", "ho paura", "paura di", "preoccupato per", "preoccupata per",
        "tenete d occhio", "tieni d occhio", "fate attenzione",
    ];

    // Topic, not a person in crisis ("suicide prevention week", "overdose awareness").
    // talk about crisis, not a crisis: campaigns, and fiction ("in the last scene she overdoses")
    public static readonly string[] CrisisTopicEn = ["prevention", "awareness", "lifeline", "hotline", "webinar", "campaign", "statistics", "study",
        "movie", "film", "scene", "episode", "series", "novel", "character", "lyrics", "season finale"];

    public static readonly string[] CrisisTopicIt = ["prevenzione", "sensibilizzazione", "giornata mondiale", "webinar", "campagna", "numero verde", "statistiche", "studio",
        "film", "scena", "episodio", "serie", "romanzo", "personaggio", "puntata"];

    public static readonly string[] IdentityCuesEn = ["my name is", "i am called", "name s", "call me"];

    public static readonly string[] IdentityCuesIt = ["mi chiamo", "il mio nome e", "sono la", "sono il", "chiamatemi"];

    public static readonly (string Term, string Kind)[] CrisisEn =
    [
        ("kill myself", "suicidal"), ("end my life", "suicidal"), ("want to die", "suicidal"), ("suicide", "suicidal"),
        ("suicidal", "suicidal"), ("take my own life", "suicidal"), ("better off dead", "suicidal"),
        ("hurt myself", "self-harm"), ("cut myself", "self-harm"), ("cutting myself", "self-harm"), ("self harm", "self-harm"),
        ("overdose", "overdose"), ("took the whole bottle", "overdose"), ("took all my pills", "overdose"),
        ("can t breathe", "emergency"), ("cannot breathe", "emergency"), ("chest pain", "emergency"), ("call 911", "emergency"),
        ("unconscious", "emergency"), ("not breathing", "emergency"), ("anaphylactic", "emergency"), ("seizure", "emergency"),
    ];

    public static readonly (string Term, string Kind)[] CrisisIt =
    [
        ("uccidermi", "suicidal"), ("farla finita", "suicidal"), ("togliermi la vita", "suicidal"), ("voglio morire", "suicidal"),
        ("suicidio", "suicidal"), ("suicidarmi", "suicidal"), ("pensieri suicidi", "suicidal"), ("non voglio piu vivere", "suicidal"),
        ("farmi del male", "self-harm"), ("tagliarmi", "self-harm"), ("autolesionismo", "self-harm"),
        ("overdose", "overdose"), ("preso tutta la scatola", "overdose"), ("ho preso tutte le pillole", "overdose"),
        ("non riesco a respirare", "emergency"), ("non respira", "emergency"), ("dolore al petto", "emergency"),
        ("chiamate il 118", "emergency"), ("chiamare il 118", "emergency"), ("svenuto", "emergency"), ("svenuta", "emergency"),
        ("shock anafilattico", "emergency"), ("convulsioni", "emergency"), ("chiamate un ambulanza", "emergency"),
    ];

    public static readonly (string Term, string Kind)[] PromotionalEn =
    [
        ("cures", "absolute"), ("cure for", "absolute"), ("guaranteed", "absolute"), ("miracle", "absolute"),
        ("100% safe", "safety"), ("completely safe", "safety"), ("totally safe", "safety"), ("no side effects", "safety"),
        ("zero side effects", "safety"), ("without side effects", "safety"), ("risk free", "safety"),
        ("the best", "superlative"), ("most effective", "superlative"), ("number one", "superlative"), ("#1", "superlative"),
        ("better than", "comparative"), ("more effective than", "comparative"), ("safer than", "comparative"),
        ("works for everyone", "absolute"), ("100% effective", "absolute"), ("clinically proven", "absolute"),
    ];

    public static readonly (string Term, string Kind)[] PromotionalIt =
    [
        ("guarisce", "absolute"), ("cura definitiva", "absolute"), ("garantito", "absolute"), ("garantita", "absolute"),
        ("miracoloso", "absolute"), ("miracolosa", "absolute"), ("sicuro al 100%", "safety"), ("100% sicuro", "safety"),
        ("senza effetti collaterali", "safety"), ("nessun effetto collaterale", "safety"), ("zero effetti collaterali", "safety"),
        ("completamente sicuro", "safety"), ("il migliore", "superlative"), ("il piu efficace", "superlative"),
        ("numero uno", "superlative"), ("meglio di", "comparative"), ("migliore di", "comparative"),
        ("piu efficace di", "comparative"), ("piu sicuro di", "comparative"), ("funziona per tutti", "absolute"),
        ("efficace al 100%", "absolute"), ("clinicamente provato", "absolute"),
    ];

    public static readonly (string Term, int Severity)[] AbuseEn =
    [
        ("idiot", 2), ("idiots", 2), ("stupid", 1), ("moron", 2), ("morons", 2), ("shut up", 1), ("scum", 3), ("loser", 1),
        ("losers", 1), ("go to hell", 2), ("piece of shit", 3), ("fuck you", 3), ("bastard", 3), ("bastards", 3),
        ("liars", 2), ("murderers", 3), ("clown", 1), ("clowns", 1), ("asshole", 3), ("dumb", 1), ("crook", 2), ("crooks", 2),
    ];

    public static readonly (string Term, int Severity)[] AbuseIt =
    [
        ("idiota", 2), ("idioti", 2), ("stupido", 1), ("stupida", 1), ("stupidi", 1), ("cretino", 2), ("cretini", 2),
        ("imbecille", 2), ("imbecilli", 2), ("vaffanculo", 3), ("stronzo", 3), ("stronzi", 3), ("bastardi", 3),
        ("bastardo", 3), ("ladri", 2), ("assassini", 3), ("buffoni", 1), ("pagliacci", 1), ("vergognatevi", 1),
        ("schifosi", 3), ("deficiente", 2), ("deficienti", 2), ("coglione", 3), ("coglioni", 3), ("truffatori", 2),
    ];

    public static readonly string[] Disclosure =
    [
        "#employee", "#dipendente", "#ad", "#adv", "#sponsored", "#sponsorizzato", "#partner", "#collaborazione",
        "i work for", "i work at", "lavoro per", "lavoro in", "sono un dipendente", "sono una dipendente",
        "employee of", "dipendente di", "my employer", "il mio datore di lavoro", "#iworkfor", "#lavoroper",
        "disclosure", "paid partnership", "views are my own",
    ];

    public static readonly (string Term, string Id)[] ConditionsEn =
    [
        ("epilepsy", "epilepsy"), ("diabetes", "diabetes"), ("depression", "depression"), ("cancer", "cancer"),
        ("hiv", "hiv"), ("asthma", "asthma"), ("schizophrenia", "schizophrenia"), ("bipolar", "bipolar_disorder"),
        ("multiple sclerosis", "multiple_sclerosis"), ("leukemia", "leukemia"), ("autism", "autism"),
        ("adhd", "adhd"), ("alzheimer", "alzheimer"), ("parkinson", "parkinson"), ("anxiety disorder", "anxiety"),
        ("hepatitis", "hepatitis"), ("crohn", "crohn"), ("psoriasis", "psoriasis"), ("arthritis", "arthritis"),
    ];

    public static readonly (string Term, string Id)[] ConditionsIt =
    [
        ("epilessia", "epilepsy"), ("diabete", "diabetes"), ("depressione", "depression"), ("cancro", "cancer"),
        ("tumore", "cancer"), ("hiv", "hiv"), ("asma", "asthma"), ("schizofrenia", "schizophrenia"),
        ("disturbo bipolare", "bipolar_disorder"), ("sclerosi multipla", "multiple_sclerosis"), ("leucemia", "leukemia"),
        ("autismo", "autism"), ("adhd", "adhd"), ("alzheimer", "alzheimer"), ("parkinson", "parkinson"),
        ("epatite", "hepatitis"), ("morbo di crohn", "crohn"), ("psoriasi", "psoriasis"), ("artrite", "arthritis"),
    ];
}
