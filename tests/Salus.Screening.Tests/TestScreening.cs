namespace Salus.Screening.Tests;

/// <summary>The engine and the one-call screening the refinement tests share.</summary>
internal static class TestScreening
{
    public static Screener Engine { get; } = Screener.CreateDefault();

    public static ScreeningResult Screen(string text, ScreeningContext context = ScreeningContext.Inbound, string? language = null, string? market = null) =>
        Engine.Screen(new ScreeningRequest(text, language, context, market));
}
