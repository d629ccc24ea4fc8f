using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Salus.Platform.Persistence;

namespace Salus.Tests.Infrastructure;

/// <summary>One application per test class, on the provider the derived fixture names.</summary>
#pragma warning disable CA1001 // Disposed by xunit through IAsyncLifetime.DisposeAsync.
public abstract partial class SalusApp : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase? _database;
    private SalusFactory? _factory;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Settings the fixture adds on top of the test defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Extra services (test job handlers...).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public SalusFactory Factory => _factory ?? throw new InvalidOperationException("Call SkipIfUnavailable() first.");

    public TestDatabase Database => _database!;

    public DatabaseProvider DatabaseProvider => Provider;

    public void SkipIfUnavailable() => TestDatabase.SkipUnlessAvailable(Provider);

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(TestDatabase.PostgresServer))
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider);
        var settings = new Dictionary<string, string?>
        {
            ["Salus:Security:SignInAttemptsPerMinute"] = "10000",
            ["Salus:Security:RequestsPerMinute"] = "100000",
        };
        foreach (var (k, v) in Settings)
        {
            settings[k] = v;
        }

        _factory = new SalusFactory(_database, settings, ConfigureServices);
        await _factory.InitialiseAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through the real form (antiforgery token included) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string? password = null)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/account/login", new()
        {
            ["Email"] = email, ["Password"] = password ?? Factory.DemoPassword,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? path);
        var token = TokenPattern().Match(page).Groups[1].Value;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public class SqliteApp : SalusApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public class PostgresApp : SalusApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
