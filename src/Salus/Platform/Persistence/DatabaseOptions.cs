using System.ComponentModel.DataAnnotations;

namespace Salus.Platform.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Salus stores its state in. Bound from the <c>Salus:Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Salus:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Full connection string. For SQLite it defaults to <c>salus.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when <c>salus serve</c> starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
