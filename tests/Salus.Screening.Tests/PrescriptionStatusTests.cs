using Xunit;

namespace Salus.Screening.Tests;

public sealed class PrescriptionStatusTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    private static Finding Drug(string text, string surface) =>
        Engine.Screen(new ScreeningRequest(text, "it", ScreeningContext.Outbound, "IT")).Findings
            .First(f => f.Category == Categories.DrugMention && f.Text.Equals(surface, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("La sertralina è efficace", "sertralina")]   // generic in class A/H, no OTC presentation
    [InlineData("La metformina è efficace", "metformina")]
    [InlineData("Lo Zoloft è efficace", "Zoloft")]           // class A brand
    public void Prescription_only_medicines_in_italy_carry_rx_it(string text, string surface)
    {
        var f = Drug(text, surface);
        Assert.Equal("true", f.Details!["rx-it"]);
        Assert.Equal("true", f.Details["prescription-only"]);
    }

    [Theory]
    [InlineData("Il paracetamolo è efficace", "paracetamolo")] // OTC presentations exist
    [InlineData("L'ibuprofene è efficace", "ibuprofene")]
    [InlineData("La Tachipirina è efficace", "Tachipirina")]    // class C/OTC brand: the open lists do not say
    public void Medicines_with_otc_presentations_or_unknown_status_carry_no_rx_it(string text, string surface) =>
        Assert.False(Drug(text, surface).Details!.ContainsKey("rx-it"));
}
