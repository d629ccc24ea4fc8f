namespace Salus.Platform.Persistence;

/// <summary>
/// A module's demo data, seeded after the demo organisation's people when Salus starts with <c>--demo</c>. Register
/// with <c>services.AddSingleton&lt;IDemoSeeder, ...&gt;()</c>; <paramref name="services"/> is the seeding scope. Must be
/// idempotent (it runs at every start).
/// </summary>
public interface IDemoSeeder
{
    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}
