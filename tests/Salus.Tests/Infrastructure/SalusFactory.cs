using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;

namespace Salus.Tests.Infrastructure;

/// <summary>
/// The real application (host entry point, real middleware, real database) on a fresh SQLite file or a fresh
/// PostgreSQL database, with the demo organisation seeded and a controllable clock.
/// </summary>
public sealed class SalusFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public SalusFactory(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Salus:DataFolder"] = database.DataFolder,
            ["Salus:Database:Provider"] = database.Provider.ToString(),
            ["Salus:Database:ConnectionString"] = database.ConnectionString,
            ["Salus:Bootstrap:Demo"] = "true",
            ["Salus:Jobs:RunWorker"] = "false",
            ["Salus:Policies:SeedDemoPolicy"] = "false",
            // The scripted demo platforms would post and poll in the background of every test host.
            ["Salus:Channels:Sandbox:DemoTraffic"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

#pragma warning disable CA1822 // Instance member: the password belongs to this app's seed.
    public string DemoPassword => "salus-demo-2026";
#pragma warning restore CA1822

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    /// <summary>Migrates and seeds once (what <c>salus serve</c> does at start).</summary>
    public async Task InitialiseAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedAsync();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, string actor = "test")
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().ActAs(actor, actor);
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work, string actor = "test") =>
        InScopeAsync(async sp => { await work(sp); return 0; }, actor);
}
