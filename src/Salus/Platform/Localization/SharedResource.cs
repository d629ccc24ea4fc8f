namespace Salus.Platform.Localization;

/// <summary>Marker for the shared UI strings (<c>Resources/Platform/Localization/SharedResource.it.resx</c>).</summary>
public sealed class SharedResource;

public static class Cultures
{
    public const string English = "en";
    public const string Italian = "it";

    public static readonly string[] Supported = [English, Italian];
}
