using Xunit;
using static Salus.Screening.Tests.TestScreening;

namespace Salus.Screening.Tests;

/// <summary>Medical inquiries come from received texts and need a medicine when they are statements; comparative and off-label claims in both languages.</summary>
public sealed class InquiryAndClaimRefinementTests
{
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
    [InlineData("Thanks for asking! Can you take it with food? Yes, with or after a meal.", ScreeningContext.Reply)]
    [InlineData("Is it normal to feel tired on the first days of Zoloft? Ask your doctor.", ScreeningContext.Outbound)]
    public void The_organisations_own_texts_are_no_medical_inquiries(string text, ScreeningContext context)
    {
        Assert.DoesNotContain(Categories.MedicalInquiry, Screen(text, context, "en").Categories);
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
    [InlineData("Voltaren gel is great for pregnant women with back pain", "en")]
    [InlineData("Take Viagra before your workout for better endurance", "en")]
    public void A_use_beyond_the_indication_claimed_in_a_post_is_off_label(string text, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Outbound));
        Assert.Contains(Categories.OffLabel, result.Categories);
    }

    [Theory]
    [InlineData("does zoloft cause weight gain")]
    [InlineData("can i take ibuprofen with my blood pressure pills")]
    [InlineData("anyone know if ibuprofen is ok during pregnancy")]
    [InlineData("Wondering whether I can stop sertraline cold turkey")]
    public void An_english_question_without_its_question_mark_is_still_an_inquiry_and_no_adverse_event(string text)
    {
        var result = Screen(text, language: "en");
        Assert.Contains(Categories.MedicalInquiry, result.Categories);
        Assert.DoesNotContain(Categories.AdverseEvent, result.Categories);
    }

    [Theory]
    [InlineData("Was on Zoloft for two years and gained 20 pounds", "en")] // an auxiliary followed by a verb tells
    [InlineData("Can't sleep since I started Lexapro", "en")]
    public void A_statement_that_starts_with_an_auxiliary_is_no_question(string text, string language)
    {
        var result = Screen(text, language: language);
        Assert.Contains(Categories.AdverseEvent, result.Categories);
        Assert.DoesNotContain(Categories.MedicalInquiry, result.Categories);
    }

    [Theory]
    [InlineData("a che ora apre la farmacia?", "it")]
    [InlineData("what time does the pharmacy open?", "en")]
    public void A_question_about_a_pharmacy_or_a_doctor_alone_is_no_medical_inquiry(string text, string language)
    {
        Assert.DoesNotContain(Categories.MedicalInquiry, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("What is the best treatment for high blood pressure?", "en")]
    [InlineData("can diabetes cause blurry vision?", "en")]
    [InlineData("What are the symptoms of a stroke?", "en")] // an emergency is a medical topic
    [InlineData("Qual è la cura migliore per la pressione alta?", "it")]
    [InlineData("quanto dura l'influenza negli adulti", "it")] // an Italian question without its question mark
    [InlineData("Quali sono i sintomi di un ictus?", "it")]
    public void A_question_about_a_condition_its_treatment_or_its_symptoms_is_a_medical_inquiry(string text, string language)
    {
        Assert.Contains(Categories.MedicalInquiry, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("Withdraw symptoms of drug lasted 3 weeks and included Nausea", "en")]
    [InlineData("Come sempre la cura per la tosse di mia nonna è il miele", "it")]
    [InlineData("Quanto mi piace il nuovo sciroppo per la tosse", "it")] // an exclamation, not a question
    public void A_topic_word_in_a_statement_asks_nothing(string text, string language)
    {
        Assert.DoesNotContain(Categories.MedicalInquiry, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("I also gained like 7 lb while on Zoloft", "en", false)] // a statement tells
    [InlineData("Can I drink a beer while on Zoloft?", "en", true)]
    [InlineData("ho preso 5 chili mentre prendo lo Zoloft", "it", false)]
    [InlineData("posso bere una birra mentre prendo lo Zoloft?", "it", true)]
    public void While_on_a_medicine_asks_only_in_a_question(string text, string language, bool inquiry)
    {
        Assert.Equal(inquiry, Screen(text, language: language).Categories.Contains(Categories.MedicalInquiry));
    }

    [Theory]
    [InlineData("I took all my sertraline and a bottle of wine. I don't feel good. what do I do", "en")] // advice about the whole text
    [InlineData("Kid got into grandma's Xanax, 3 are missing, he's very sleepy, what should we do", "en")]
    [InlineData("Bambino di 4 anni ha preso lo Xanax della nonna, è molto assonnato, cosa facciamo", "it")]
    public void A_request_for_what_to_do_after_a_medicine_is_a_medical_inquiry(string text, string language)
    {
        Assert.Contains(Categories.MedicalInquiry, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("Xanax? Never touched it. Meditation works for me", "en")] // the name alone echoes someone else
    [InlineData("L'amoxicillina ha fatto venire a mio figlio delle macchie rosse sul petto", "it")] // "a mio figlio" tells here
    [InlineData("il Neurontin mi ha distrutto la memoria, dimentico le parole a metà frase", "it")]
    [InlineData("Prendo lo Zoloft insieme a mia moglie che prende il Cymbalta", "it")]
    public void A_statement_or_an_echoed_name_is_no_medical_inquiry(string text, string language)
    {
        Assert.DoesNotContain(Categories.MedicalInquiry, Screen(text, ScreeningContext.Community, language).Categories);
    }

    [Theory]
    [InlineData("Beautiful sunset at the lake this weekend", "en", false)] // nothing of the company's
    [InlineData("Oggi 10 anni di servizio, grazie a tutta la squadra", "it", false)]
    [InlineData("Check out our new patient support program!", "en", true)]
    [InlineData("Nuova penna Ozempic disponibile, molto più facile da usare!", "it", true)]
    public void Only_an_employee_share_about_the_company_needs_the_disclosure(string text, string language, bool missing)
    {
        Assert.Equal(missing, Screen(text, ScreeningContext.EmployeeShare, language).Categories.Contains(Categories.MissingDisclosure));
    }

    [Theory]
    [InlineData("Lo Zoloft funziona anche per le vampate!", "it", "IT", true)] // an off-label claim about a prescription medicine
    [InlineData("Scopri il nuovo Eutirox: chiedi al tuo medico se è adatto a te", "it", "IT", true)] // advertising it to the public
    [InlineData("Ask your doctor if Zoloft is right for you. Important safety information at the link.", "en", "US", false)] // lawful in the US
    [InlineData("Scopri il nuovo Moment: chiedi al tuo farmacista", "it", "IT", false)] // not a prescription medicine
    public void Where_advertising_prescription_medicines_is_forbidden_a_claim_about_one_is_promotional(string text, string language, string market, bool promotional)
    {
        Assert.Equal(promotional, Screen(text, ScreeningContext.Outbound, language, market).Categories.Contains(Categories.PromotionalClaim));
    }

    [Theory]
    [InlineData("Target was packed today, took forever to check out")]
    [InlineData("Fixed a bug that caused the printf builtin to loop forever")]
    public void Forever_alone_is_no_absolute_claim(string text)
    {
        Assert.DoesNotContain(Categories.PromotionalClaim, Screen(text, ScreeningContext.Outbound, "en").Categories);
    }
}
