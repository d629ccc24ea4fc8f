namespace Salus.Platform.Hosting;

/// <summary>
/// The folder that holds the embedded database and other local state. Every verb resolves it the same
/// way: <c>--data</c>, then <c>Salus:DataFolder</c> (e.g. env <c>Salus__DataFolder</c>), then <c>SALUS_DATA</c>,
/// then <c>./data</c> under the working directory.
/// </summary>
public static class DataFolder
{
    public const string ConfigKey = "Salus:DataFolder";

    public static string Resolve(string? configured)
    {
        var full = PathOf(configured);
        Directory.CreateDirectory(full);
        return full;
    }

    /// <summary>The folder <see cref="Resolve"/> would use, without creating it.</summary>
    public static string PathOf(string? configured)
    {
        var path = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Environment.GetEnvironmentVariable("SALUS_DATA");
        if (string.IsNullOrWhiteSpace(path))
        {
            path = "data";
        }

        return Path.GetFullPath(path, Directory.GetCurrentDirectory());
    }
}
