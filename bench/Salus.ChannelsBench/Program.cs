using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Platform.Hosting;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Modules.Channels;

// Usage: dotnet run -c Release --project bench/Salus.ChannelsBench -- [events=5000] [concurrency levels=1,8,32,128] [stores=sqlite,postgres] [process]
// "process" adds a last phase: a fresh salus serve with the job worker on processes the stored events (channels.process
// jobs through the real sinks: inbox, screening); its rate is printed per store. "process:4" runs 4 jobs at once (Salus:Jobs:Parallelism).
// PostgreSQL runs when SALUS_TEST_POSTGRES names a server whose user may CREATE DATABASE.
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var levels = (args.Length > 1 ? args[1] : "1,8,32,128").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
var stores = args.Length > 2 ? args[2] : "sqlite,postgres";
var processArg = args.FirstOrDefault(a => a.StartsWith("process", StringComparison.Ordinal));
var measureProcessing = processArg is not null;
var jobParallelism = processArg?.Split(':') is [_, var n] ? n : "1";
var processingRows = new List<string>();
Console.WriteLine($"Signed Facebook webhooks: {events} events per row, salus serve child process, processing worker off, {Environment.ProcessorCount} cores.");
Console.WriteLine("| store | senders | events/s | p50 ack (ms) | p99 ack (ms) | max ack (ms) | load avg (1 min) before → after |");
Console.WriteLine("|---|---|---|---|---|---|---|");
if (stores.Contains("sqlite", StringComparison.OrdinalIgnoreCase))
{
    await RunAsync("SQLite (WAL, synchronous=FULL)", "Sqlite", null);
}

var server = Environment.GetEnvironmentVariable("SALUS_TEST_POSTGRES");
if (!string.IsNullOrWhiteSpace(server) && stores.Contains("postgres", StringComparison.OrdinalIgnoreCase))
{
    var builder = new NpgsqlConnectionStringBuilder(server);
    var name = "salus_bench_" + Guid.NewGuid().ToString("N")[..8];
    await using (var admin = new NpgsqlConnection(server))
    {
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
    }

    builder.Database = name;
    try
    {
        await RunAsync("PostgreSQL 15 (local)", "Postgres", builder.ConnectionString);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}

foreach (var row in processingRows)
{
    Console.WriteLine(row);
}

async Task RunAsync(string label, string provider, string? connection)
{
    var folder = Path.Combine(Path.GetTempPath(), "salus-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var settings = new List<string> { $"--Salus:DataFolder={folder}", $"--Salus:Database:Provider={provider}", "--Salus:Jobs:RunWorker=false", "--Logging:LogLevel:Default=Warning" };
    if (connection is not null)
    {
        settings.Add($"--Salus:Database:ConnectionString={connection}");
    }

    const string Secret = "bench-app-secret";
    Guid channelId;
    await using (var app = SalusWebApp.Build([.. settings]))
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedAsync();
        var directory = scope.ServiceProvider.GetRequiredService<ChannelDirectory>();
        var channel = new Channel
        {
            Id = Guid.NewGuid(), Kind = ChannelKind.Facebook, Name = "bench", Market = "IT", ApiBaseUrl = "http://127.0.0.1:9", AccountId = SandboxChannels.FacebookPageId,
            ProtectedCredentials = directory.ProtectCredentials(new ChannelCredentials { WebhookSecret = Secret }),
        };
        var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
        db.Set<Channel>().Add(channel);
        await db.SaveChangesAsync();
        channelId = channel.Id;
    }

    var environment = new Dictionary<string, string>
    {
        ["Salus__DataFolder"] = folder, ["Salus__Database__Provider"] = provider, ["Salus__Jobs__RunWorker"] = "false",
        ["Salus__Channels__RunPollScheduler"] = "false", ["Logging__LogLevel__Default"] = "Warning",
    };
    if (connection is not null)
    {
        environment["Salus__Database__ConnectionString"] = connection;
    }

    using var child = await SalusProcess.StartAsync(environment, SalusProcess.FreePort(), TimeSpan.FromSeconds(120));
    var url = $"{child.BaseUrl}/webhooks/channels/{channelId}";
    using var client = new HttpClient();
    var bodies = Enumerable.Range(0, 200 + events * levels.Length).Select(i =>
    {
        var now = DateTimeOffset.UtcNow;
        return SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, new SandboxComment
        {
            Platform = "facebook", Id = $"1_{i:D9}", ThreadId = $"{SandboxChannels.FacebookPageId}_1", AuthorId = "u" + i, AuthorName = "Persona",
            Text = "Dopo la terapia ho avuto forte nausea, è normale? " + i, CreatedAt = now, UpdatedAt = now,
        });
    }).ToArray();

    // Warm-up (JIT, connection pools), not measured.
    await SendAllAsync(client, url, bodies[..200], Secret, 16, new ConcurrentBag<double>());
    var offset = 200;
    foreach (var concurrency in levels)
    {
        var slice = bodies[offset..(offset + events)];
        offset += events;
        var loadBefore = LoadAverage();
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var failures = await SendAllAsync(client, url, slice, Secret, concurrency, latencies);
        clock.Stop();
        var sorted = latencies.OrderBy(x => x).ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {concurrency} | {events / clock.Elapsed.TotalSeconds:F0} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {sorted[^1]:F1} | {loadBefore} → {LoadAverage()} |{(failures > 0 ? $" ({failures} not acknowledged)" : "")}"));
    }

    if (measureProcessing)
    {
        child.KillHard();
        await MeasureProcessingAsync(label, environment, [.. settings]);
    }
}

// The stored events' channels.process jobs, run by the job worker of a fresh salus serve; counted from the database.
async Task MeasureProcessingAsync(string label, Dictionary<string, string> environment, string[] settings)
{
    await using var app = SalusWebApp.Build(settings);
    async Task<(int Done, int Total)> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
        var jobs = db.Jobs.Where(j => j.Type == RawEventStore.ProcessJob);
        return (await jobs.CountAsync(j => j.Status == JobStatus.Succeeded || j.Status == JobStatus.DeadLetter), await jobs.CountAsync());
    }

    var (before, total) = await CountAsync();
    var withWorker = new Dictionary<string, string>(environment) { ["Salus__Jobs__RunWorker"] = "true", ["Salus__Jobs__Parallelism"] = jobParallelism };
    using var worker = await SalusProcess.StartAsync(withWorker, SalusProcess.FreePort(), TimeSpan.FromSeconds(120));
    var loadBefore = LoadAverage();
    var clock = Stopwatch.StartNew();
    var done = before;
    while (done < total && clock.Elapsed < TimeSpan.FromSeconds(90))
    {
        await Task.Delay(1000);
        (done, _) = await CountAsync();
    }

    clock.Stop();
    processingRows.Add(string.Create(CultureInfo.InvariantCulture,
        $"processing | {label} | parallelism {jobParallelism} | {done - before} of {total - before} jobs in {clock.Elapsed.TotalSeconds:F0} s | {(done - before) / clock.Elapsed.TotalSeconds:F1} jobs/s | load {loadBefore} → {LoadAverage()}"));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static async Task<int> SendAllAsync(HttpClient client, string url, string[] bodies, string secret, int concurrency, ConcurrentBag<double> latencies)
{
    var next = -1;
    var failures = 0;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < bodies.Length)
        {
            using var request = SandboxSigner.SignedRequest(url, ChannelKind.Facebook, bodies[i], secret);
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    return failures;
}
