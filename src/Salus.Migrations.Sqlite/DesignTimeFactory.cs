using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Design;
using Salus.Platform.Persistence;

namespace Salus.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for Sqlite without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SalusDbContext>
{
    public SalusDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SalusDbContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design.db",
        }, Path.GetTempPath());
        // Identity reads its schema version (3: with passkeys) from the application's options, as the running app does.
        var identity = new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        builder.UseApplicationServiceProvider(identity.BuildServiceProvider());
        return new SalusDbContext(builder.Options);
    }
}
