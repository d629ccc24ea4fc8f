using Xunit;

namespace Salus.Screening.Tests;

/// <summary>
/// Behaviours refined after reading the engine's errors: a statement about a symptom is no medical question, a reference to
/// a medicine vouches for no plain word beside it, Italian pronoun references ("da quando lo prendo") and misspelled reactions.
/// </summary>
public sealed class DetectorRefinementTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    private static ScreeningResult Screen(string text, ScreeningContext context = ScreeningContext.Inbound, string? language = null) =>
        Engine.Screen(new ScreeningRequest(text, language, context));

    [Theory]
    [InlineData("too much coffee today, I'm shaking")]
    [InlineData("too much work, I'm exhausted")]
    [InlineData("I drank too much wine and now I have a headache")]
    public void A_statement_about_a_symptom_without_a_medicine_is_no_medical_question(string text)
    {
        Assert.DoesNotContain(Categories.MedicalInquiry, Screen(text).Categories);
    }

    [Theory]
    [InlineData("I think I took too much ibuprofen", "dosage")]
    [InlineData("How much Tylenol can I take", "dosage")]
    [InlineData("too much paracetamol and I'm shaking?", "dosage")]
    public void A_dosage_statement_or_question_about_a_medicine_still_goes_to_medical_information(string text, string kind)
    {
        var inquiry = Assert.Single(Screen(text).Findings, f => f.Category == Categories.MedicalInquiry);
        Assert.Equal(kind, inquiry.Code);
    }

    [Theory]
    [InlineData("Got the flu jab yesterday and today I've got chills and a dead arm", ScreeningContext.Community)]
    [InlineData("Had my covid booster shot, today my arm is so sore and I have a fever", ScreeningContext.Inbound)]
    public void A_vaccine_is_a_medicine_and_vouches_for_no_brand_that_is_a_plain_word(string text, ScreeningContext context)
    {
        var result = Screen(text, context);

        Assert.Contains(Categories.AdverseEvent, result.Categories);
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.DrugMention); // "today" is also a brand name
    }

    [Fact]
    public void A_plain_word_brand_is_still_read_as_a_medicine_after_a_cue_that_takes_a_name()
    {
        var result = Screen("I was prescribed Today 10 mg twice a day", language: "en");
        Assert.Contains(result.Findings, f => f.Category == Categories.DrugMention && f.Text == "Today");
    }

    [Theory]
    [InlineData("Ho sempre la nausea da quando lo prendo")]
    [InlineData("Mi gira la testa e ho le vertigini da quando la prendo")]
    [InlineData("Dopo il vaccino antinfluenzale ho avuto brividi e febbre per due giorni")]
    public void An_italian_pronoun_or_vaccine_reference_ties_the_reaction_to_a_medicine(string text)
    {
        var ae = Assert.Single(Screen(text, language: "it").Findings, f => f.Category == Categories.AdverseEvent);
        Assert.NotEqual("not-named", ae.Details!.GetValueOrDefault("product-from"));
    }

    [Theory]
    [InlineData("Zoloft left me so nauseus I could not eat", "nausea")]
    [InlineData("Effexor gave me horrible diarreha for a week", "diarrhea")]
    [InlineData("Since starting Lexapro I have no labido at all", "decreased_libido")]
    [InlineData("Cymbalta: sleeplessness every single night", "insomnia")]
    [InlineData("Il Paxil mi dà una diarea continua", "diarrhea")]
    public void Common_misspellings_and_phrasings_of_reactions_are_read(string text, string reaction)
    {
        var ae = Assert.Single(Screen(text).Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal(reaction, ae.Code);
    }

    [Theory]
    [InlineData("Niente batte il Momendol, dura il doppio della Tachipirina", "it")]
    [InlineData("Nothing works better than Aleve for back pain", "en")]
    public void Comparative_claims_are_read_in_both_languages(string text, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Outbound));
        Assert.Contains(result.Findings, f => f.Category == Categories.PromotionalClaim && f.Code == "comparative");
    }

    [Theory]
    [InlineData("Ozempic isn't just for diabetes, it melts the kilos away", "en")]
    [InlineData("Gabapentin is also a great option for hot flashes", "en")]
    [InlineData("Il Lyrica non è solo per l'epilessia, è anche un'ottima opzione per l'ansia", "it")]
    public void A_use_beyond_the_indication_claimed_in_a_post_is_off_label(string text, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Outbound));
        Assert.Contains(Categories.OffLabel, result.Categories);
    }

    [Theory]
    [InlineData("My doctor said Zoloft is also good for hot flashes", "en")]
    [InlineData("Il medico dice che lo Zoloft va bene per le vampate", "it")]
    public void A_reaction_word_named_as_what_the_medicine_is_good_for_is_an_indication_not_an_adverse_event(string text, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Inbound));
        Assert.DoesNotContain(Categories.AdverseEvent, result.Categories);
    }

    [Theory]
    [InlineData("statins wrecked my muscles, my muscles ache all the time", "en")]
    [InlineData("since the SSRI I have no appetite at all", "en")]
    [InlineData("Con le statine mi fanno male tutti i muscoli", "it")]
    public void A_class_of_medicines_is_a_medicine_reference(string text, string language)
    {
        var ae = Assert.Single(Screen(text, language: language).Findings, f => f.Category == Categories.AdverseEvent);
        Assert.NotEqual("not-named", ae.Details!.GetValueOrDefault("product-from"));
    }

    [Theory]
    [InlineData("trazodone dreams are WILD", "vivid_dreams")]
    [InlineData("prednisone moon face is not cute", "swelling")]
    [InlineData("Topamax and I can't find my words anymore", "memory_impairment")]
    [InlineData("Adderall comedown hitting hard rn", "withdrawal")]
    public void Social_media_phrasings_of_reactions_are_read(string text, string reaction)
    {
        var ae = Assert.Single(Screen(text).Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal(reaction, ae.Code);
    }

    [Theory]
    [InlineData("Prendo il Brufen come sempre dopo cena, tutto bene")]
    [InlineData("Il Tavor lo prendo come mi ha detto il medico")]
    public void An_inflected_reaction_that_is_a_common_word_is_no_reaction(string text)
    {
        // "come" ("like") is the regular plural of "coma"
        var result = Screen(text, language: "it");
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.AdverseEvent && f.Text == "come");
        Assert.DoesNotContain(Categories.AdverseEvent, result.Categories);
    }

    [Theory]
    [InlineData("il Brufen mi distrugge lo stomaco", "abdominal_pain")]
    [InlineData("l'Efexor mi fa sudare di notte, mi sveglio fradicia", "sweating")]
    [InlineData("il cortisone mi gonfia come un pallone", "swelling")]
    public void Italian_phrasings_of_reactions_are_read(string text, string reaction)
    {
        var ae = Assert.Single(Screen(text, language: "it").Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal(reaction, ae.Code);
    }

    [Theory]
    [InlineData("Ho sospeso il Prozac dopo 2 anni con l'aiuto del medico, nessun problema", "it")]
    [InlineData("I stopped taking Lexapro last month after two years", "en")]
    [InlineData("Tylenol fixed my headache in twenty minutes", "en")]
    [InlineData("Il Moment mi fa passare il mal di testa in mezz'ora", "it")]
    [InlineData("I was told Depakote causes weight gain but my weight hasn't changed at all", "en")]
    [InlineData("avevo paura che il Prozac mi facesse ingrassare e invece niente", "it")]
    public void Stopping_a_medicine_relief_or_hearsay_is_no_adverse_event(string text, string language)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("Since I stopped taking Paxil I've had brain zaps and nausea", "en")]
    [InlineData("Ho smesso lo Zoloft di colpo e ho avuto vertigini per giorni", "it")]
    [InlineData("Ho sospeso il Cipralex e ho le scosse elettriche in testa", "it")]
    public void Stopping_a_medicine_with_a_reaction_or_the_withdrawal_syndrome_is_an_adverse_event(string text, string language)
    {
        Assert.Single(Screen(text, language: language).Findings, f => f.Category == Categories.AdverseEvent);
    }

    [Fact]
    public void A_withdrawal_finding_keeps_its_code_and_names_the_term_whatever_its_tag()
    {
        // "missed a dose" is a stopping term: with the classifier's support it is the evidence
        var ae = Assert.Single(Screen("Missed a dose of Effexor yesterday and I feel awful", language: "en").Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal("withdrawal", ae.Code);
        Assert.Equal("missed a dose", ae.Details!["reaction"]);
        Assert.Equal("true", ae.Details["withdrawal"]);
    }

    [Theory]
    [InlineData("avoid new build failure on a system without crypt.h", "en")]
    [InlineData("Remove -m64 on 32bit target comments and return early on the same line", "en")]
    [InlineData("Signed-off-by: Steffen Jaeckel, reviewed on my Solaris 11 box", "en")]
    [InlineData("Playwright driving Debian's Chromium against a real server", "en")]
    [InlineData("Il trittico di Piero della Francesca è esposto a Urbino", "it")]
    public void Plain_words_names_and_identifiers_of_other_prose_are_no_drug(string text, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Outbound));
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.DrugMention);
    }

    [Theory]
    [InlineData("dormo molto meglio da quando il medico mi ha dato il Trittico", "it", "Trittico")]
    [InlineData("prendo il Moment quando ho mal di testa", "it", "Moment")]
    [InlineData("I've been taking Zolfot for a week and the nausea is bad", "en", "Zolfot")]
    public void A_plain_word_brand_or_a_misspelling_in_health_talk_is_still_a_drug(string text, string language, string surface)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Inbound));
        Assert.Contains(result.Findings, f => f.Category == Categories.DrugMention && f.Text == surface);
    }

    [Theory]
    [InlineData("stupid question but can you take Advil with Tylenol?", "en")]
    [InlineData("I'm such an idiot, forgot my pills at home again", "en")]
    [InlineData("This is a dumb design for a pill bottle, I can't open it", "en")]
    [InlineData("domanda stupida ma si può prendere il Moment con la Tachipirina?", "it")]
    [InlineData("Che scema che sono, ho dimenticato di nuovo le pastiglie a casa", "it")]
    public void A_mild_insult_aimed_at_the_writer_or_a_thing_is_no_abuse(string text, string language)
    {
        Assert.DoesNotContain(Categories.Abuse, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("you idiot, read the leaflet before posting", "en")]
    [InlineData("what a stupid company, you people are clowns", "en")]
    [InlineData("siete degli idioti, vergognatevi", "it")]
    public void A_mild_insult_aimed_at_a_person_is_still_abuse(string text, string language)
    {
        Assert.Contains(Categories.Abuse, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("Thanks for asking! Can you take it with food? Yes, with or after a meal.", ScreeningContext.Reply)]
    [InlineData("Is it normal to feel tired on the first days of Zoloft? Ask your doctor.", ScreeningContext.Outbound)]
    public void The_organisations_own_texts_are_no_medical_inquiries(string text, ScreeningContext context)
    {
        Assert.DoesNotContain(Categories.MedicalInquiry, Screen(text, context, "en").Categories);
    }

    [Theory]
    [InlineData("i just want to disappear forever, nobody would even notice", "en")]
    [InlineData("I've been stockpiling my pills, I think tonight is the night", "en")]
    [InlineData("my chest hurts and my left arm is numb, is this a heart attack?", "en")]
    [InlineData("non voglio più svegliarmi la mattina", "it")]
    [InlineData("mi sto tagliando di nuovo, non riesco a smettere", "it")]
    [InlineData("sarebbe meglio per tutti se sparissi", "it")]
    public void Passive_ideation_preparation_and_emergencies_told_in_other_words_are_crises(string text, string language)
    {
        var result = Screen(text, language: language);
        Assert.Contains(Categories.Crisis, result.Categories);
        Assert.Equal(Decision.Escalate, result.Decision);
    }

    [Theory]
    [InlineData("If I was gone for a week, would you water my plants?", "en")]
    [InlineData("I am not waking up early tomorrow, no way", "en")]
    [InlineData("Se sparissi per un mese nessuno al lavoro lo noterebbe, che bello", "it")]
    public void Ordinary_sentences_near_those_words_are_no_crisis(string text, string language)
    {
        Assert.DoesNotContain(Categories.Crisis, Screen(text, language: language).Categories);
    }

    [Fact]
    public void An_insult_listed_twice_gives_one_finding_at_its_highest_severity()
    {
        var abuse = Assert.Single(Screen("you idiot, read the leaflet", language: "en").Findings, f => f.Category == Categories.Abuse);
        Assert.Equal("severity-2", abuse.Code);
    }

    [Theory]
    [InlineData("Email me at drjohn(at)mailbox.org about the trial", "drjohn(at)mailbox.org", "email")]
    [InlineData("Scrivetemi a dott.rossi(at)pec.it per lo studio", "dott.rossi(at)pec.it", "email")]
    [InlineData("write to mario at example dot com please", "mario at example dot com", "email")]
    [InlineData("scrivimi a anna chiocciola gmail punto com", "anna chiocciola gmail punto com", "email")]
    [InlineData("birthday 1991-09-23, why was my claim denied?", "birthday 1991-09-23", "date-of-birth")]
    [InlineData("Mandate il modulo a Corso Vittorio Emanuele II 45, 10125 Torino", "Corso Vittorio Emanuele II 45", "postal-address")]
    [InlineData("Abito in Via Roma 12, Milano", "Via Roma 12", "postal-address")]
    public void Contact_data_written_to_dodge_scrapers_or_capitalised_is_personal_data(string text, string span, string code)
    {
        var finding = Assert.Single(Screen(text).Findings, f => f.Category == Categories.PersonalData);
        Assert.Equal(span, finding.Text);
        Assert.Equal(code, finding.Code);
    }

    [Theory]
    [InlineData("I work at google.com and love it")]
    [InlineData("the meeting is at 5 (at) the office dot")]
    [InlineData("Call 1-800-555-0100 for our patient support line")]
    [InlineData("chiamate il numero verde 800 123 456")]
    [InlineData("email the newsletter to info@examplepharma.com to unsubscribe")]
    [InlineData("scrivete a privacy@aziendafarma.it per i vostri dati")]
    public void Ordinary_words_toll_free_lines_and_role_mailboxes_are_no_personal_data(string text)
    {
        Assert.DoesNotContain(Categories.PersonalData, Screen(text).Categories);
    }

    [Fact]
    public void A_mobile_number_that_starts_with_39_is_not_mistaken_for_a_toll_free_line()
    {
        Assert.Contains(Screen("il mio cellulare è 398 001 2345", language: "it").Findings, f => f.Category == Categories.PersonalData);
    }

    [Theory]
    [InlineData("released on 2022-10-23  10:15 after the freeze")]
    [InlineData("bumped the library to 0.19.4.73 for the fix")]
    [InlineData("Date: Mon, 3 Jun 2019 14:07 -0700")]
    [InlineData("write to 51 Franklin Street, Boston, MA 02110-1335 for a copy")]
    public void Timestamps_versions_offsets_and_zip_codes_are_no_phone_numbers(string text)
    {
        Assert.DoesNotContain(Screen(text, language: "en").Findings, f => f.Category == Categories.PersonalData && f.Code!.StartsWith("phone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_word_the_drug_detector_dropped_links_no_name_to_a_treatment()
    {
        // "target" and "return" are brands too, but not here, so Jonathon Anderson has no health data in this sentence
        var result = Screen("Thanks to Jonathon Anderson for the fix on the return value of the target build", language: "en");
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.PersonalData);
    }
}
