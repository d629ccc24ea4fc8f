using Salus.Cli;

namespace Salus.Tests.Platform;

/// <summary>`salus screen` skips building the web application only when the configuration rules out a published policy.</summary>
public sealed class ScreenCommandDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salus-screen-db-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void An_embedded_database_that_does_not_exist_is_known_missing_without_creating_the_data_folder()
    {
        Assert.True(ScreenCommands.EmbeddedDatabaseMissing([$"--Salus:DataFolder={_folder}"]));
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void An_existing_database_file_another_provider_or_a_connection_string_are_left_to_the_application()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, "salus.db"), []);
        Assert.False(ScreenCommands.EmbeddedDatabaseMissing([$"--Salus:DataFolder={_folder}"]));

        var empty = Path.Combine(_folder, "empty");
        Assert.False(ScreenCommands.EmbeddedDatabaseMissing([$"--Salus:DataFolder={empty}", "--Salus:Database:Provider=Postgres"]));
        Assert.False(ScreenCommands.EmbeddedDatabaseMissing([$"--Salus:DataFolder={empty}", "--Salus:Database:ConnectionString=Data Source=/tmp/x.db"]));
        Assert.True(ScreenCommands.EmbeddedDatabaseMissing([$"--Salus:DataFolder={empty}", "--Salus:Database:Provider=sqlite"]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
