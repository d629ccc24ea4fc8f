using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salus.Platform.Audit;

namespace Salus.Platform.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "Salus.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Salus.Migrations.Postgres";

    public static IServiceCollection AddSalusPersistence(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is Postgres.")
            .ValidateOnStart();
        services.AddScoped<AuditScope>();
        services.AddDbContext<SalusDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(options, db, dataFolder);
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string dataFolder)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(db.ConnectionString, npgsql => npgsql
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .CommandTimeout(db.CommandTimeoutSeconds));
        }
        else
        {
            var connection = string.IsNullOrWhiteSpace(db.ConnectionString)
                ? $"Data Source={Path.Combine(dataFolder, "salus.db")};Cache=Shared;Pooling=True"
                : db.ConnectionString;
            options.UseSqlite(connection, sqlite => sqlite
                .MigrationsAssembly(SqliteMigrationsAssembly)
                .CommandTimeout(db.CommandTimeoutSeconds));
            options.AddInterceptors(new SqlitePragmas());
        }
    }
}
