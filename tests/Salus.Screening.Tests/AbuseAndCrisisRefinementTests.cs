using Xunit;
using static Salus.Screening.Tests.TestScreening;

namespace Salus.Screening.Tests;

/// <summary>Insults aimed at no one are no abuse; crises told in other words are crises, and ordinary sentences near those words are not.</summary>
public sealed class AbuseAndCrisisRefinementTests
{
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

    [Fact]
    public void An_insult_listed_twice_gives_one_finding_at_its_highest_severity()
    {
        var abuse = Assert.Single(Screen("you idiot, read the leaflet", language: "en").Findings, f => f.Category == Categories.Abuse);
        Assert.Equal("severity-2", abuse.Code);
    }

    [Theory]
    [InlineData("i just want to disappear forever, nobody would even notice", "en")]
    [InlineData("I've been stockpiling my pills, I think tonight is the night", "en")]
    [InlineData("my chest hurts and my left arm is numb, is this a heart attack?", "en")]
    [InlineData("non voglio più svegliarmi la mattina", "it")]
    [InlineData("mi sto tagliando di nuovo, non riesco a smettere", "it")]
    [InlineData("sarebbe meglio per tutti se sparissi", "it")]
    [InlineData("I don't see the point in living anymore", "en")]
    [InlineData("I wrote my goodbye letters last night", "en")]
    [InlineData("non vedo più il senso di vivere", "it")]
    [InlineData("ho scritto le lettere di addio ieri sera", "it")]
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

    [Theory]
    [InlineData("I had a seizure 3 days after they upped my Wellbutrin to 450", "en")]
    [InlineData("my wife had an anaphylactic reaction to penicillin at the dentist", "en")]
    [InlineData("Mia moglie ha avuto uno shock anafilattico con la penicillina dal dentista", "it")]
    public void An_emergency_told_in_the_past_is_an_adverse_event_to_report_not_a_crisis(string text, string language)
    {
        var result = Screen(text, language: language);
        Assert.DoesNotContain(Categories.Crisis, result.Categories);
        Assert.Contains(Categories.AdverseEvent, result.Categories);
        Assert.Equal(Decision.Escalate, result.Decision); // still to pharmacovigilance
    }

    [Theory]
    [InlineData("My son had a seizure and is still not responding, help", "en")]
    [InlineData("my wife is having a seizure, call 911", "en")]
    [InlineData("mio padre ha avuto un infarto adesso, chiamate il 118", "it")]
    public void An_emergency_that_goes_on_or_asks_for_help_is_a_crisis(string text, string language)
    {
        Assert.Contains(Categories.Crisis, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("i hope you choke on your pills", "en")]
    [InlineData("spero che vi strozziate con le vostre pillole", "it")]
    public void Wishing_harm_on_the_reader_is_abuse(string text, string language)
    {
        Assert.Contains(Categories.Abuse, Screen(text, language: language).Categories);
    }

    [Theory]
    [InlineData("Nell'ultima scena lei va in overdose e ho pianto come una bambina", "it")] // fiction
    [InlineData("in the last episode he overdoses and I cried so hard", "en")]
    [InlineData("Gardasil fatto oggi e sono svenuta in farmacia, gentilissimi comunque", "it")] // the writer fainted and is fine
    public void Fiction_and_an_emergency_the_writer_got_through_are_no_crisis(string text, string language)
    {
        Assert.DoesNotContain(Categories.Crisis, Screen(text, language: language).Categories);
    }

    [Fact]
    public void A_term_both_languages_list_gives_one_crisis_finding()
    {
        var result = Screen("ho paura di andare in overdose stanotte", language: "it");
        Assert.Single(result.Findings, f => f.Category == Categories.Crisis);
    }

    [Theory]
    [InlineData("I had a seizure after the new dose, I know it can happen", false)] // "know" is not "now"
    [InlineData("I had a seizure after the new dose and I'm shaking now", true)]
    public void Urgency_words_count_as_whole_words(string text, bool crisis)
    {
        Assert.Equal(crisis, Screen(text, language: "en").Categories.Contains(Categories.Crisis));
    }
}
