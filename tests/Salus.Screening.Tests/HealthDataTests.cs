using Xunit;

namespace Salus.Screening.Tests;

public sealed class HealthDataTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    private static Finding? HealthData(string text, string lang, ScreeningContext ctx = ScreeningContext.Inbound) =>
        Engine.Screen(new ScreeningRequest(text, lang, ctx)).Findings.FirstOrDefault(f => f.Category == Categories.PersonalData && f.Code == "health-data");

    [Theory]
    [InlineData("my son Luca has epilepsy and the new school doesn't know", "en", "named-relative")]
    [InlineData("mia madre Maria prende il Coumadin da anni", "it", "named-relative")]
    [InlineData("My name is Sarah and I was diagnosed with bipolar disorder last year", "en", "self-named")]
    [InlineData("Mi chiamo Giulia e soffro di emicrania da quando ero piccola", "it", "self-named")]
    [InlineData("Luca Bianchi has diabetes and takes insulin every day", "en", "full-name")]
    [InlineData("Sappiamo tutti che Marco Rossi ha l'epilessia", "it", "full-name")]
    [InlineData("Mr Thompson is on Xanax since the accident", "en", "full-name")]
    [InlineData("@giulia_r89 prende lo Zoloft, lo sanno tutti", "it", "handle")]
    [InlineData("I have type 2 diabetes, call me at +39 347 123 4567 if you can help", "en", "contact")]
    [InlineData("@mark_r has epilepsy, please be kind to him", "en", "handle")] // the addressed account is the one with the condition
    [InlineData("My husband has diabetes and I worry about him", "en", "relative")] // the writer's account identifies him
    [InlineData("my sister was diagnosed with bipolar disorder and stopped her meds", "en", "relative")]
    [InlineData("Nostro figlio ha l'autismo e la scuola non ci aiuta", "it", "relative")]
    [InlineData("la compagna di mio cugino è in chemioterapia da maggio", "it", "relative")]
    public void An_identifiable_person_linked_to_a_condition_or_treatment_is_personal_health_data(string text, string lang, string how)
    {
        var f = HealthData(text, lang);
        Assert.NotNull(f);
        Assert.Equal(how, f.Details!["identified-by"]);
        Assert.Contains(Categories.PersonalData, Engine.Screen(new ScreeningRequest(text, lang)).Categories);
    }

    [Theory]
    [InlineData("Diabetes awareness week starts on Monday: join us in Milan", "en")]
    [InlineData("Mia madre prende il Coumadin da anni", "it")]
    [InlineData("The Rolling Stones played in Rome last night, amazing concert", "en")]
    [InlineData("Buongiorno Dottore, volevo sapere se posso prendere la Tachipirina", "it")]
    [InlineData("Luca Bianchi won the marathon yesterday", "en")]
    [InlineData("I'm on Abilify and I've gained 30 lbs", "en")] // the capitalised word after "I'm on" is the medicine, not a name
    [InlineData("I have Crohn's disease and it flares every spring", "en")]
    [InlineData("@pfizer your vaccine gave me a sore arm for 3 days", "en")] // the account a reply addresses; the writer's health
    [InlineData("@jess vyvanse has me grinding my teeth all night lol", "en")]
    [InlineData("my mum has the flu so I'm staying home today", "en")] // a passing illness is no diagnosis
    [InlineData("Lisinopril keeps my blood pressure normal, no cough like my sister had on it", "en")] // the writer's own condition
    [InlineData("my wife says my depression is worse since the summer", "en")]
    [InlineData("mia madre ha avuto un'eruzione cutanea dopo l'antibiotico", "it")] // a reaction is a report, not a diagnosis
    public void Health_talk_without_an_identifiable_person_or_a_name_without_health_is_not_health_data(string text, string lang) =>
        Assert.Null(HealthData(text, lang));
}
