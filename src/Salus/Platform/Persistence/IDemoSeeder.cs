namespace Salus.Platform.Persistence;

/// <summary>A module's demo data, seeded after the demo people exist (only with <c>--demo</c>). Must be idempotent.</summary>
public interface IDemoSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
