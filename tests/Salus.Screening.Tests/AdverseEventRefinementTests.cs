using Xunit;
using static Salus.Screening.Tests.TestScreening;

namespace Salus.Screening.Tests;

/// <summary>Adverse-event refinements read from the engine's errors: Italian pronoun and vaccine references, classes of medicines, misspelled and social-media phrasings of reactions, common-word inflections, stopping a medicine, relief, hearsay and indications.</summary>
public sealed class AdverseEventRefinementTests
{
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
    [InlineData("started wellbutrin last week and my hands won't stop shaking", "en")] // "won't stop" says it goes on
    [InlineData("propranolol makes my hands and feet ice cold", "en")]
    [InlineData("trazodone hangover is real, can barely function", "en")]
    [InlineData("cipro gave me tendon pain in both ankles", "en")] // a plain-word brand that gives a reaction is the medicine
    [InlineData("col Cymbalta la nausea non passa mai", "it")]
    public void Reactions_that_go_on_or_are_told_in_tweet_words_are_adverse_events(string text, string language)
    {
        var result = Screen(text, language: language);
        Assert.Contains(Categories.AdverseEvent, result.Categories);
        Assert.Contains(Categories.DrugMention, result.Categories);
    }

    [Theory]
    [InlineData("il Brufen mi ha tolto il mal di testa in mezz'ora", "it")] // relief, not a reaction
    [InlineData("Mondays give me a headache", "en")]
    [InlineData("I can't stop taking it, my doctor says it is for life", "en")]
    public void Relief_a_plain_cause_or_a_treatment_that_goes_on_is_no_adverse_event(string text, string language)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, ScreeningContext.Community, language).Categories);
    }

    [Theory]
    [InlineData("put on 10 kg since starting Seroquel", "en", "put on 10 kg", "weight_gain")]
    [InlineData("lost 15 pounds on Wellbutrin", "en", "lost 15 pounds", "weight_loss")]
    [InlineData("ho messo su quasi 6 chili col Depakin", "it", "messo su quasi 6 chili", "weight_gain")]
    public void A_weight_change_told_with_its_amount_is_a_reaction(string text, string language, string span, string reaction)
    {
        var finding = Assert.Single(Screen(text, language: language).Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal(span, finding.Text);
        Assert.Equal(reaction, finding.Code);
    }

    [Theory]
    [InlineData("we shipped 500 kg of Tylenol to the warehouse", "en")] // a unit without a verb of gaining or losing
    [InlineData("Con Wegovy ho perso 18 chili e le ginocchia ringraziano", "it")] // losing weight is what Wegovy is for
    public void A_unit_alone_or_the_weight_loss_a_medicine_is_for_is_no_reaction(string text, string language)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("if I miss a dose of Effexor I get brain zaps all day", "en")] // what happens each time, not a guess
    [InlineData("se salto una dose di Efexor mi gira la testa tutto il giorno", "it")]
    public void A_reaction_each_time_the_writer_skips_a_dose_is_an_adverse_event(string text, string language)
    {
        Assert.Contains(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("If Ozempic gives me pancreatitis I'm suing", "en")]
    [InlineData("if I miss a dose of Effexor I might get brain zaps", "en")] // a modal: a guess
    [InlineData("se salto una dose di Efexor potrebbe girarmi la testa?", "it")]
    public void A_condition_about_what_may_happen_is_no_adverse_event(string text, string language)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("Lexapro completely killed my sex drive", "en")]
    [InlineData("on Paxil my libido is completely gone", "en")]
    [InlineData("the Zoloft nightmares are so vivid I wake up screaming", "en")]
    public void A_lost_drive_or_real_nightmares_are_reactions(string text, string language)
    {
        Assert.Contains(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("On Wellbutrin I have a sex drive again and more energy", "en")] // a function told unchanged
    [InlineData("My sex drive did not get any less on Zoloft", "en")]
    [InlineData("Getting my Cymbalta refilled was a nightmare", "en")] // figurative
    [InlineData("Cymbalta has been helpful in reducing my anxiety", "en")] // relief
    [InlineData("Ritirare il Cymbalta in farmacia è stato un incubo", "it")]
    public void A_drive_told_unchanged_a_figurative_nightmare_or_relief_is_no_adverse_event(string text, string language)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, ScreeningContext.Community, language).Categories);
    }

    [Theory]
    [InlineData("No side effects except bad dreams", "en")] // "except" ends the negation's reach
    [InlineData("none except bad dreams honestly", "en")]
    public void A_reaction_after_except_is_affirmed_not_negated(string text, string language)
    {
        Assert.Contains(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("I noticed a definite decrease in my anxiety the first month")] // relief of a symptom
    [InlineData("Some loss of sexual drive, which I attributed to menopause")] // another cause the writer names
    [InlineData("My doctor said it was side effects of the med")] // hearsay, no experience
    public void Relief_an_attributed_cause_or_hearsay_is_no_adverse_event(string text)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, language: "en").Categories);
    }

    [Theory]
    [InlineData("Lexapro works great but I have gained weight", "en")] // relief on the other side of "but" relieves nothing here
    [InlineData("Il Daparox funziona benissimo ma ho la nausea", "it")]
    public void A_reaction_after_but_is_reported_whatever_worked_before_it(string text, string language)
    {
        Assert.Contains(Categories.AdverseEvent, Screen(text, language: language).Categories);
    }
}
