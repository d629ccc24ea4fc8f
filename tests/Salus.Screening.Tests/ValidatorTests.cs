using Salus.Screening.Detectors;
using Xunit;

namespace Salus.Screening.Tests;

public sealed class ValidatorTests
{
    public static TheoryData<string, bool> CodiceFiscaleVectors()
    {
        var data = new TheoryData<string, bool>();
        var file = Path.Combine(TestPaths.SharedData, "..", "reference", "italy", "codice-fiscale-vectors.txt");
        if (File.Exists(file))
        {
            bool valid = true;
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("# valid", StringComparison.Ordinal))
                {
                    valid = true;
                }
                else if (line.StartsWith("# invalid", StringComparison.Ordinal))
                {
                    valid = false;
                }
                else if (line.Length >= 16 && !line.StartsWith('#'))
                {
                    data.Add(line[..16], valid);
                }
            }
        }
        else
        {
            // the same vectors, for a clone without ../shared
            foreach (var v in new[] { "MRTNTN23M02D969P", "RSSMRA45C12F205C", "RSSMRA45C12F20RX", "RSSMRAQRCMNFNLRG", "BNCSFN85T58G702W" })
            {
                data.Add(v, true);
            }

            data.Add("FOXDRA26C24H872A", false);
            data.Add("CNTCHR83T32D969H", false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodiceFiscaleVectors))]
    public void Codice_fiscale_check_letter_and_omocodia_follow_the_reference_vectors(string cf, bool valid) =>
        Assert.Equal(valid, Validators.IsValidCodiceFiscale(cf));

    [Theory]
    [InlineData("IT60X0542811101000000123456", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("IT60X0542811101000000123457", false)]
    [InlineData("IT60X054281110100000012345", false)]
    public void Iban_is_checked_with_mod_97(string iban, bool valid) => Assert.Equal(valid, Validators.IsValidIban(iban));

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("5500-0000-0000-0004", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4111 1111 1111 1112", false)]
    [InlineData("1234 5678 9012 3452", false)]
    public void Payment_cards_need_an_issuer_prefix_and_luhn(string card, bool valid) => Assert.Equal(valid, Validators.IsValidCard(card));

    [Theory]
    [InlineData("12345678903", true)]
    [InlineData("00743110157", true)]
    [InlineData("12345678901", false)]
    [InlineData("00000000000", false)]
    public void Partita_iva_check_digit(string piva, bool valid) => Assert.Equal(valid, Validators.IsValidPartitaIva(piva));

    [Theory]
    [InlineData("536-22-1234", true)]
    [InlineData("000-12-3456", false)]
    [InlineData("666-12-3456", false)]
    [InlineData("912-12-3456", false)]
    [InlineData("123-00-4567", false)]
    public void Us_ssn_area_group_serial_rules(string ssn, bool valid) => Assert.Equal(valid, Validators.IsValidSsn(ssn));

    [Theory]
    [InlineData("+39 347 123 4567", true)]
    [InlineData("347 1234567", true)]
    [InlineData("06 1234 5678", true)]
    [InlineData("(415) 555-2671", true)]
    [InlineData("+44 20 7946 0958", true)]
    [InlineData("12345", false)]
    [InlineData("(115) 555-2671", false)]
    public void Phone_numbers_e164_italian_and_us(string phone, bool valid) => Assert.Equal(valid, Validators.IsValidPhone(phone, out _));
}
