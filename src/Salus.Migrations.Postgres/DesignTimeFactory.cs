using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Salus.Platform.Persistence;

namespace Salus.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for Postgres without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SalusDbContext>
{
    public SalusDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SalusDbContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Database=salus_design;Username=salus;Password=salus",
        }, Path.GetTempPath());
        return new SalusDbContext(builder.Options);
    }
}
