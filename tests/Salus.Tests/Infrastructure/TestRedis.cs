namespace Salus.Tests.Infrastructure;

/// <summary>
/// The Redis server for scale-out tests, named by <c>SALUS_TEST_REDIS</c> (e.g. <c>127.0.0.1:6379</c>); tests skip
/// without it, except under <c>SALUS_REQUIRE_ALL_TESTS=1</c> (CI), where its absence fails them.
/// </summary>
public static class TestRedis
{
    public const string Variable = "SALUS_TEST_REDIS";

    public static string Server
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(server) && Environment.GetEnvironmentVariable("SALUS_REQUIRE_ALL_TESTS") == "1")
            {
                throw new InvalidOperationException($"{Variable} is not set but SALUS_REQUIRE_ALL_TESTS=1: Redis tests must run.");
            }

            Skip.If(string.IsNullOrWhiteSpace(server), $"Redis tests skipped: set {Variable} to a Redis server (CI always does).");
            return server!;
        }
    }
}
