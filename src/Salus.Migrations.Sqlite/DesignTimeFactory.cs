using Microsoft.EntityFrameworkCore;
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
        return new SalusDbContext(builder.Options);
    }
}
