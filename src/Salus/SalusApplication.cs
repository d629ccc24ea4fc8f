namespace Salus;

/// <summary>Entry point used by the <c>salus</c> executable.</summary>
public static class SalusApplication
{
    public static Task<int> RunAsync(string[] args) => Cli.SalusCli.RunAsync(args);
}
