namespace Salus.Screening.Tests;

internal static class TestPaths
{
    /// <summary>The repository root (the folder holding Directory.Build.props).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The shared data folder: env SALUS_SHARED_DATA, else ../shared/data next to the repository.</summary>
    public static string SharedData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("SALUS_SHARED_DATA");
            return !string.IsNullOrWhiteSpace(env) ? env : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        }
    }

    public static string PsyTar => Path.Combine(SharedData, "psytar");

    public static string TestData => Path.Combine(RepoRoot, "tests", "Salus.Screening.Tests", "Data");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
