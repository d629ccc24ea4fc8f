using Xunit;
using static Salus.Screening.Tests.TestScreening;

namespace Salus.Screening.Tests;

/// <summary>A drug name that is also a plain word, or a misspelling, is a medicine only in the context that makes it one; a medicine reference vouches for no word beside it.</summary>
public sealed class DrugContextTests
{
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
    [InlineData("avoid new build failure on a system without crypt.h", "en")]
    [InlineData("Remove -m64 on 32bit target comments and return early on the same line", "en")]
    [InlineData("Signed-off-by: Steffen Jaeckel, reviewed on my Solaris 11 box", "en")]
    [InlineData("Playwright driving Debian's Chromium against a real server", "en")]
    [InlineData("Il trittico di Piero della Francesca è esposto a Urbino", "it")]
    [InlineData("Thanks to Timothy and Lisa for the review", "en")] // names that are a pollen extract's synonym and a brand
    [InlineData("Megan is coming to dinner tonight", "en")]
    public void Plain_words_names_and_identifiers_of_other_prose_are_no_drug(string text, string language)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Outbound));
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.DrugMention);
    }

    [Theory]
    [InlineData("dormo molto meglio da quando il medico mi ha dato il Trittico", "it", "Trittico")]
    [InlineData("prendo il Moment quando ho mal di testa", "it", "Moment")]
    [InlineData("La Diane mi ha fatto ingrassare", "it", "Diane")]
    [InlineData("I've been taking Zolfot for a week and the nausea is bad", "en", "Zolfot")]
    public void A_plain_word_brand_or_a_misspelling_in_health_talk_is_still_a_drug(string text, string language, string surface)
    {
        var result = Engine.Screen(new ScreeningRequest(text, language, ScreeningContext.Inbound));
        Assert.Contains(result.Findings, f => f.Category == Categories.DrugMention && f.Text == surface);
    }
}
