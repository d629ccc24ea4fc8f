using Xunit;

namespace Salus.Screening.Tests;

public sealed class DetectorTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    private static ScreeningResult Screen(string text, string? lang = null, ScreeningContext ctx = ScreeningContext.Inbound, string? market = null) =>
        Engine.Screen(new ScreeningRequest(text, lang, ctx, market));

    [Theory]
    [InlineData("Started Zoloft last week and now I get terrible headaches every day", "en")]
    [InlineData("Da quando prendo lo Zoloft ho un mal di testa fortissimo", "it")]
    [InlineData("coming off Effexor is hell, brain zaps all day", "en")]
    [InlineData("Mio marito ha preso la Tachipirina e gli è venuto un prurito tremendo", "it")]
    public void First_or_third_person_reaction_to_a_named_medicine_is_an_adverse_event(string text, string lang)
    {
        var r = Screen(text, lang);
        Assert.Contains(Categories.AdverseEvent, r.Categories);
        Assert.Contains(Categories.DrugMention, r.Categories);
        Assert.Equal(Decision.Escalate, r.Decision);
    }

    [Theory]
    [InlineData("Been on Zoloft for a year, no side effects at all", "en")]
    [InlineData("Prendo lo Zoloft da un anno e non ho avuto nessun effetto collaterale", "it")]
    public void Negated_reactions_are_not_adverse_events(string text, string lang) =>
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, lang).Categories);

    [Theory]
    [InlineData("Could Zoloft cause headaches?", "en")]
    [InlineData("Lo Zoloft potrebbe causare mal di testa?", "it")]
    public void Hypothetical_questions_are_inquiries_not_adverse_events(string text, string lang)
    {
        var r = Screen(text, lang);
        Assert.DoesNotContain(Categories.AdverseEvent, r.Categories);
        Assert.Contains(Categories.MedicalInquiry, r.Categories);
    }

    [Theory]
    [InlineData("I take ibuprofen for my headaches", "en")]
    [InlineData("Prendo l'ibuprofene per il mal di testa", "it")]
    public void Indications_are_not_adverse_events(string text, string lang) =>
        Assert.DoesNotContain(Categories.AdverseEvent, Screen(text, lang).Categories);

    [Theory]
    [InlineData("I have a terrible headache and feel dizzy today", "en", ScreeningContext.Community)] // the illness, as likely
    [InlineData("Oggi ho un mal di testa terribile", "it", ScreeningContext.Inbound)] // no Italian classifier
    [InlineData("Oggi ho un mal di testa terribile", "it", ScreeningContext.Community)]
    public void A_reaction_without_any_medicine_or_treatment_is_not_an_adverse_event(string text, string lang, ScreeningContext context) =>
        Assert.DoesNotContain(Categories.AdverseEvent, Engine.Screen(new ScreeningRequest(text, lang, context)).Categories);

    [Fact]
    public void A_symptom_told_to_the_organisations_channel_is_a_possible_adverse_event_of_an_unnamed_medicine()
    {
        var r = Engine.Screen(new ScreeningRequest("I have a terrible headache and feel dizzy today", "en", ScreeningContext.Inbound));
        var ae = Assert.Single(r.Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal("not-named", ae.Detail("product-from"));
    }

    [Fact]
    public void Drug_mentions_carry_product_ingredients_and_prescription_status()
    {
        var r = Screen("my doctor switched me to Zoloft", "en", market: "US");
        var f = Assert.Single(r.Findings, x => x.Category == Categories.DrugMention);
        Assert.Equal("Zoloft", f.Text);
        Assert.Equal("Zoloft", f.Detail("product"));
        Assert.Contains("Sertraline", f.Detail("ingredients"), StringComparison.Ordinal);
        Assert.Equal("true", f.Detail("prescription-only"));
        Assert.Equal("DB01104", f.Code);
    }

    [Fact]
    public void Brand_names_that_are_ordinary_words_need_drug_context()
    {
        Assert.DoesNotContain(Categories.DrugMention, Screen("Aspetta un moment, arrivo subito", "it").Categories);
        Assert.Contains(Categories.DrugMention, Screen("Ho preso un Moment da 200 mg per il mal di denti", "it").Categories);
    }

    [Fact]
    public void Misspelled_brand_from_the_alias_list_is_found() =>
        Assert.Contains(Screen("the zolof is making me so sleepy", "en").Findings, f => f.Category == Categories.DrugMention && f.Text == "zolof");

    [Fact]
    public void Plain_prose_has_no_drug_hits()
    {
        var readme = Path.Combine(TestPaths.RepoRoot, "docs", "screening-data-formats.md");
        var text = File.Exists(readme) ? File.ReadAllText(readme) : "The quick brown fox jumps over the lazy dog.";
        text = string.Join('\n', text.Split('\n').Where(l => !l.Contains("zoloft", StringComparison.OrdinalIgnoreCase) && !l.Contains("xanax", StringComparison.OrdinalIgnoreCase) && !l.Contains("tachipirina", StringComparison.OrdinalIgnoreCase)));
        var r = Screen(text, "en");
        Assert.True(r.Findings.Count(f => f.Category == Categories.DrugMention) <= 2, string.Join(", ", r.Findings.Where(f => f.Category == Categories.DrugMention).Select(f => f.Text)));
    }

    [Theory]
    [InlineData("Can I take ibuprofen with my blood pressure pills?", "en")]
    [InlineData("Posso prendere la tachipirina insieme all'antibiotico?", "it")]
    public void Requests_for_medical_advice_are_medical_inquiries(string text, string lang) =>
        Assert.Contains(Categories.MedicalInquiry, Screen(text, lang).Categories);

    [Theory]
    [InlineData("I want to kill myself tonight", "en")]
    [InlineData("Non ce la faccio più, voglio farla finita", "it")]
    public void Suicidal_intent_is_a_crisis_and_escalates(string text, string lang)
    {
        var r = Screen(text, lang);
        Assert.Contains(Categories.Crisis, r.Categories);
        Assert.Equal(Decision.Escalate, r.Decision);
    }

    [Theory]
    [InlineData("Write me at mario.rossi@example.com or call +39 347 123 4567", "it")]
    [InlineData("my codice fiscale is RSSMRA45C12F205C", "en")]
    [InlineData("IBAN IT60X0542811101000000123456 for the refund", "en")]
    [InlineData("card 4111 1111 1111 1111 exp 12/27", "en")]
    [InlineData("My son Luca has epilepsy and takes Keppra", "en")]
    [InlineData("Mia figlia Giulia ha il diabete", "it")]
    public void Personal_data_is_found_and_validated(string text, string lang) =>
        Assert.Contains(Categories.PersonalData, Screen(text, lang).Categories);

    [Fact]
    public void Invalid_codice_fiscale_is_not_personal_data() =>
        Assert.DoesNotContain(Categories.PersonalData, Screen("code FOXDRA26C24H872A", "en").Categories);

    [Theory]
    [InlineData("Our new cream cures eczema and is 100% safe", "en")]
    [InlineData("Il nostro prodotto guarisce l'insonnia senza effetti collaterali", "it")]
    public void Absolute_claims_in_outbound_posts_are_promotional_claims(string text, string lang)
    {
        var r = Screen(text, lang, ScreeningContext.Outbound);
        Assert.Contains(Categories.PromotionalClaim, r.Categories);
        Assert.True(r.Decision >= Decision.Review);
    }

    [Fact]
    public void Claim_naming_a_prescription_medicine_in_an_outbound_post_goes_to_review_citing_the_rx_rule()
    {
        var r = Screen("Zoloft is the best and completely safe", "en", ScreeningContext.Outbound, "US");
        Assert.Contains(Categories.PromotionalClaim, r.Categories);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains(r.Reasons, x => x.RuleId == "rx-product-public");
    }

    [Fact]
    public void Patient_enthusiasm_is_not_a_promotional_claim() =>
        Assert.DoesNotContain(Categories.PromotionalClaim, Screen("prednisone is a miracle for my asthma flares honestly", "en").Categories);

    [Theory]
    [InlineData("Great results from our new study!", false)]
    [InlineData("Great results from our new study! #employee", true)]
    [InlineData("Ottimi risultati dal nostro studio, lavoro per l'azienda", true)]
    public void Employee_shares_need_a_disclosure(string text, bool disclosed) =>
        Assert.Equal(!disclosed, Screen(text, null, ScreeningContext.EmployeeShare).Categories.Contains(Categories.MissingDisclosure));

    [Theory]
    [InlineData("you are all idiots and liars", "en")]
    [InlineData("siete dei ladri e degli imbecilli", "it")]
    public void Insults_are_abuse(string text, string lang) => Assert.Contains(Categories.Abuse, Screen(text, lang).Categories);

    [Theory]
    [InlineData("I have been taking this medicine and I feel much better", "en")]
    [InlineData("Ho preso questo farmaco e mi sento molto meglio oggi", "it")]
    public void Language_is_detected_from_stopwords(string text, string lang) => Assert.Equal(lang, Screen(text).Language);

    [Fact]
    public void Finding_offsets_point_into_the_original_text_with_emoji_and_accents()
    {
        string text = "😀😀 Perché lo ZOLÒFT mi dà vertigini?? 🙄";
        var r = Screen(text, "it");
        foreach (var f in r.Findings.Where(f => f.End > f.Start))
        {
            Assert.Equal(f.Text, text[f.Start..f.End]);
        }

        Assert.Contains(r.Findings, f => f.Text == "ZOLÒFT");
    }

    [Fact]
    public void Batch_results_are_in_request_order()
    {
        var reqs = Enumerable.Range(0, 50).Select(i => new ScreeningRequest(i % 2 == 0 ? "Zoloft gave me headaches" : "hello world " + i, "en")).ToList();
        var results = Engine.ScreenBatch(reqs);
        for (int i = 0; i < reqs.Count; i++)
        {
            Assert.Equal(i % 2 == 0, results[i].Categories.Contains(Categories.DrugMention));
        }
    }
}
