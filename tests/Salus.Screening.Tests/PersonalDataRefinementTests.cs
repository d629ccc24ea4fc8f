using Xunit;
using static Salus.Screening.Tests.TestScreening;

namespace Salus.Screening.Tests;

/// <summary>Contact data written to dodge scrapers is personal data; an organisation's role mailboxes and toll-free lines, and numbers that only look like phones, are not.</summary>
public sealed class PersonalDataRefinementTests
{
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

    [Theory]
    [InlineData("partita iva 01234567890 è corretta per la fattura?", "it")]
    [InlineData("my order no. 0612345678 never arrived", "en")]
    [InlineData("il lotto 0123456789 è stato ritirato?", "it")]
    public void A_number_labelled_as_another_identifier_is_no_phone_number(string text, string language)
    {
        Assert.DoesNotContain(Screen(text, language: language).Findings, f => f.Category == Categories.PersonalData && f.Code!.StartsWith("phone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Our office is at 250 Park Ave, New York, visitors welcome 9-5", "en")]
    [InlineData("Our new clinic is now open at 12 Baker Street", "en")]
    [InlineData("La nostra sede è in via Roma 1, Firenze", "it")]
    [InlineData("Vieni a trovarci in Corso Italia 15 a Pisa", "it")]
    public void An_organisations_own_premises_are_no_personal_address(string text, string language)
    {
        Assert.DoesNotContain(Screen(text, ScreeningContext.Outbound, language).Findings, f => f.Category == Categories.PersonalData);
    }

    [Theory]
    [InlineData("I live at 12 Baker Street and the parcel never came", "en", "postal-address")]
    [InlineData("Abito in via Roma 5, Firenze", "it", "postal-address")]
    [InlineData("tel. 06 4455 7788 dopo le 17", "it", "phone-it")]
    public void A_persons_own_address_and_a_labelled_phone_are_still_personal_data(string text, string language, string code)
    {
        Assert.Contains(Screen(text, language: language).Findings, f => f.Category == Categories.PersonalData && f.Code == code);
    }

    [Theory]
    [InlineData("call me at 555-123-4567 tonight", "555-123-4567", "phone")] // fails the numbering plan, but the writer says it is a phone
    [InlineData("il mio numero è 1234567", "1234567", "phone")]
    [InlineData("my social is 512 44 7390", "512 44 7390", "ssn")]
    [InlineData("my birthday is 4/7/1992 if that helps", "birthday is 4/7/1992", "date-of-birth")]
    [InlineData("nata a Napoli il 3/4/1978", "nata a Napoli il 3/4/1978", "date-of-birth")]
    [InlineData("il mio compleanno è il 5 maggio 1990", "compleanno è il 5 maggio 1990", "date-of-birth")]
    [InlineData("abito in Via dei Mille 23/B, 00185 Roma", "Via dei Mille 23", "postal-address")]
    [InlineData("spedite a C.so Buenos Aires 12, Milano", "C.so Buenos Aires 12", "postal-address")]
    [InlineData("PO Box 1234, Austin TX 78701", "PO Box 1234", "postal-address")]
    public void Labelled_numbers_spoken_dates_and_abbreviated_streets_are_personal_data(string text, string span, string code)
    {
        var finding = Assert.Single(Screen(text).Findings, f => f.Category == Categories.PersonalData);
        Assert.Equal(span, finding.Text);
        Assert.Equal(code, finding.Code);
    }

    [Theory]
    [InlineData("Reference number 2023-88771-B for my complaint")]
    [InlineData("the lot number is 123 45 6789 on the box")] // spaced digits are an SSN only where the text says so
    [InlineData("ssn 078-05-1120 was printed on a wallet card sample")] // the published example number, and no phone either
    public void Numbers_not_introduced_as_phones_or_ssns_stay_unflagged(string text)
    {
        Assert.DoesNotContain(Screen(text, language: "en").Findings, f => f.Category == Categories.PersonalData);
    }
}
