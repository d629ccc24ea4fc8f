using Npgsql;
using Salus.Platform.Persistence;

namespace Salus.Tests.Infrastructure;

/// <summary>
/// A throw-away database. SQLite: a file in a temp folder. PostgreSQL: a new database on the server named by
/// <c>SALUS_TEST_POSTGRES</c> (a connection string whose user may CREATE DATABASE); tests skip when it is absent.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SALUS_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string dataFolder, string? connectionString, string? postgresName)
    {
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string DataFolder { get; }

    public string? ConnectionString { get; }

    private string? PostgresName { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable);

    public static void SkipUnlessAvailable(DatabaseProvider provider)
    {
        var missing = provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(PostgresServer);
        if (missing && Environment.GetEnvironmentVariable("SALUS_REQUIRE_ALL_TESTS") == "1")
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set but SALUS_REQUIRE_ALL_TESTS=1: PostgreSQL tests must run.");
        }

        Skip.If(missing, $"PostgreSQL tests skipped: set {PostgresVariable} to a connection string (CI always does).");
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "salus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, folder, null, null);
        }

        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        var name = "salus_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = name;
        return new TestDatabase(provider, folder, server.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            await DropAsync(PostgresName);
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>
    /// Drops the test database. A background worker of the app under test may still be reconnecting while the suite shuts
    /// down, which makes the drop fail now and then under load: it is retried, and a database left behind is as harmless
    /// as a leftover temp folder (CI machines are thrown away).
    /// </summary>
    private static async Task DropAsync(string name)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(PostgresServer);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException) when (attempt < 3)
            {
                await Task.Delay(500 * attempt);
            }
            catch (PostgresException)
            {
                return;
            }
        }
    }
}
