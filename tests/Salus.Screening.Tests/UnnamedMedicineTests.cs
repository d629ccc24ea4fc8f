using Xunit;

namespace Salus.Screening.Tests;

/// <summary>
/// An English text received on the organisation's channels that reports a reaction without naming the medicine (the medicine
/// is the one the thread is about) is a possible adverse event, marked so that pharmacovigilance asks which product.
/// </summary>
public sealed class UnnamedMedicineTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    [Theory]
    [InlineData("I had terrible nausea and dizziness for the first two weeks.")]
    [InlineData("Made me feel like a zombie and I gained 20 pounds in three months.")]
    [InlineData("it gave me the worst insomnia of my life")]
    [InlineData("Since I started I've been soaked in sweat every night and can't focus at work.")]
    [InlineData("Withdrawal was hell, brain zaps for weeks after I stopped.")]
    public void A_reaction_told_without_the_medicine_is_a_possible_adverse_event(string text)
    {
        var result = Engine.Screen(new ScreeningRequest(text, Context: ScreeningContext.Inbound));

        Assert.Contains(Categories.AdverseEvent, result.Categories);
        var ae = Assert.Single(result.Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal("not-named", ae.Details!["product-from"]);
        Assert.False(ae.Details.ContainsKey("product"));
        Assert.InRange(ae.Score, 0.5, 0.8); // below a named medicine's scores
        Assert.Equal(Decision.Escalate, result.Decision); // pharmacovigilance follows it up
    }

    [Theory]
    [InlineData("this weather gives me a headache every single time")]
    [InlineData("Mondays give me a headache")]
    [InlineData("that meeting made me nauseous tbh")]
    [InlineData("The new season of that show gave me insomnia, binge watched till 4am")]
    [InlineData("I've had a pounding headache all day because of the heat")]
    [InlineData("Doctor says my dizziness is from an inner ear infection, not my meds")]
    [InlineData("too much coffee today, I'm shaking")]
    [InlineData("I drank too much wine last night and now I have a headache")]
    [InlineData("Way too many beers at the wedding, feel sick and dizzy")]
    [InlineData("So hungover, my head is pounding")]
    public void A_reaction_with_another_named_cause_is_not_an_adverse_event(string text)
    {
        var result = Engine.Screen(new ScreeningRequest(text, Context: ScreeningContext.Inbound));
        Assert.DoesNotContain(Categories.AdverseEvent, result.Categories);
    }

    [Theory]
    [InlineData("I took too much of the new dose and now I'm shaking")]
    [InlineData("I've been sleeping too much lately and feel sick every morning")]
    [InlineData("I've put on too much weight since starting these and feel sluggish")]
    public void Too_much_of_a_medicine_or_of_a_symptom_names_no_everyday_cause(string text)
    {
        var result = Engine.Screen(new ScreeningRequest(text, Context: ScreeningContext.Inbound));
        Assert.Contains(Categories.AdverseEvent, result.Categories);
    }

    [Fact]
    public void A_medicine_named_before_the_verb_is_the_cause_not_another_one()
    {
        var result = Engine.Screen(new ScreeningRequest("The only problem is this med makes me so irritable and dizzy.", Context: ScreeningContext.Inbound));
        Assert.Contains(Categories.AdverseEvent, result.Categories);
    }

    [Theory]
    [InlineData("I had terrible nausea and dizziness for the first two weeks.", ScreeningContext.Outbound, "en")] // own post
    [InlineData("I had terrible nausea and dizziness for the first two weeks.", ScreeningContext.EmployeeShare, "en")]
    [InlineData("Is it normal to have terrible nausea the first two weeks?", ScreeningContext.Inbound, "en")] // a question
    [InlineData("Ho avuto una nausea terribile e le vertigini per le prime due settimane.", ScreeningContext.Inbound, "it")] // no Italian classifier
    [InlineData("Love the new packaging, the colours are great!", ScreeningContext.Inbound, "en")] // no health signal, no first person
    public void The_reading_applies_only_to_received_english_statements_with_a_health_signal(string text, ScreeningContext context, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, context));
        Assert.DoesNotContain(Categories.AdverseEvent, result.Categories);
    }

    [Fact]
    public void In_the_patient_community_only_a_symptom_tied_to_a_treatment_is_read_as_one()
    {
        static bool Ae(string text) =>
            Engine.Screen(new ScreeningRequest(text, "en", ScreeningContext.Community)).Categories.Contains(Categories.AdverseEvent);

        Assert.False(Ae("I have had terrible nausea and dizziness for two weeks.")); // the illness, as likely
        Assert.True(Ae("Since starting the new pills I have had terrible nausea and dizziness for two weeks."));
    }

    [Fact]
    public void Every_experience_only_cue_is_an_adverse_event_cue_of_the_lexicon()
    {
        // the community's treatment-link test skips these cues by their text: a cue renamed in ae-cues.en.txt would
        // silently start counting as a treatment link
        var lexicon = Engine.Lexicon;
        var cues = Enumerable.Range(0, lexicon.Patterns.Count).SelectMany(lexicon.PayloadOf)
            .Where(i => i.Kind == Lexicons.LexiconKind.AeCue && i.Language == "en").Select(i => i.Term).ToHashSet(StringComparer.Ordinal);
        var stale = Detectors.UnnamedMedicine.ExperienceOnly.Where(t => !cues.Contains(t)).ToList();
        Assert.True(stale.Count == 0, "not in ae-cues.en.txt: " + string.Join(", ", stale));
    }

    [Fact]
    public void A_named_medicine_keeps_its_product_and_is_not_marked_unnamed()
    {
        var result = Engine.Screen(new ScreeningRequest("Zoloft gave me terrible nausea.", Context: ScreeningContext.Inbound));
        var ae = Assert.Single(result.Findings, f => f.Category == Categories.AdverseEvent);
        Assert.NotEqual("not-named", ae.Details!.GetValueOrDefault("product-from"));
        Assert.True(ae.Details.ContainsKey("product"));
    }

    [Fact]
    public void A_first_person_sentence_the_lexicon_has_no_word_for_is_read_when_the_classifier_is_sure()
    {
        // no reaction term in it: the classifier alone reads a reaction, at its stricter first-person threshold
        var result = Engine.Screen(new ScreeningRequest("My brain feels like mush and I keep losing my train of thought", "en", ScreeningContext.Inbound));
        var finding = Assert.Single(result.Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal("classifier", finding.Code);
    }

    [Theory]
    [InlineData("I am so excited for the concert tonight")]
    [InlineData("I love my new job and my team")]
    [InlineData("I missed the bus again this morning")]
    public void Everyday_first_person_sentences_are_no_adverse_events(string text)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Engine.Screen(new ScreeningRequest(text, "en", ScreeningContext.Inbound)).Categories);
    }

    [Theory]
    [InlineData("I was shaking before my job interview")] // an event the writer faces
    [InlineData("I can't focus on anything today, too much noise")] // too much of something that is no medicine
    public void An_event_or_too_much_of_anything_else_names_another_cause(string text)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Engine.Screen(new ScreeningRequest(text, "en", ScreeningContext.Inbound)).Categories);
    }

    [Theory]
    [InlineData("Weird dreams all week, and I guess that caused my headaches too")] // "guess" is an opinion, not a cause
    [InlineData("I took the first pill last night and I could barely sleep")]
    public void An_opinion_word_before_the_verb_names_no_cause_and_barely_sleeping_is_insomnia(string text)
    {
        Assert.Contains(Categories.AdverseEvent, Engine.Screen(new ScreeningRequest(text, "en", ScreeningContext.Inbound)).Categories);
    }

    [Theory]
    [InlineData("Keep a very close eye on your side effects with this drug")] // advice
    [InlineData("There are reports that people feel brain zaps when they go off it")] // what others report
    [InlineData("It controlled my ruminating, which was a relief")] // relief, with no reaction word to read
    public void Advice_reports_of_others_and_relief_are_no_adverse_events(string text)
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Engine.Screen(new ScreeningRequest(text, "en", ScreeningContext.Inbound)).Categories);
    }
}
