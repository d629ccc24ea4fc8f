using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>
/// An EF Core interceptor that lets a test hold a webhook batch just before its COMMIT (so more deliveries queue up
/// behind it), make the insert carrying a marker fail, and run "another node" right before the next transaction starts.
/// </summary>
public sealed class IngestProbe : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, object> _rawWrites = [];
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;
    private int _poisonedInserts;
    private Func<Task>? _beforeNextTransaction;

    /// <summary>Inserts into the raw-event table whose parameters contain this text fail.</summary>
    public string? Poison { get; set; }

    public int PoisonedInserts => Volatile.Read(ref _poisonedInserts);

    /// <summary>The next transaction that wrote raw events waits before COMMIT until <see cref="Release"/>.</summary>
    public void Arm()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _armed, 1);
    }

    /// <summary>Completes when the armed transaction is held just before its COMMIT.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    /// <summary>Runs once, just before the next database transaction begins (e.g. another node storing the same event).</summary>
    public void BeforeNextTransaction(Func<Task> work) => Volatile.Write(ref _beforeNextTransaction, work);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inspect(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Inspect(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inspect(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var work = Interlocked.Exchange(ref _beforeNextTransaction, null);
        if (work is not null)
        {
            await work();
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_rawWrites.TryGetValue(transaction, out _) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _entered.TrySetResult();
            await _release.Task;
        }

        return result;
    }

    private void Inspect(DbCommand command)
    {
        if (!command.CommandText.Contains("INSERT INTO \"ChannelRawEvents\"", StringComparison.Ordinal))
        {
            return;
        }

        if (command.Transaction is not null)
        {
            _rawWrites.AddOrUpdate(command.Transaction, this);
        }

        var poison = Poison;
        if (poison is not null && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string s && s.Contains(poison, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _poisonedInserts);
            throw new InvalidOperationException("The test poisoned this insert.");
        }
    }
}

/// <summary>Settings and the probe shared by the group-commit fixtures.</summary>
public static class GroupCommitFixture
{
    /// <summary>A small queue, so back-pressure is reachable in a test.</summary>
    public const int QueueCapacity = 4;

    public static IDictionary<string, string?> Settings
    {
        get
        {
            var settings = ChannelsFixture.Settings;
            settings["Salus:Channels:IngestQueueCapacity"] = QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Salus:Channels:IngestRetryAfterSeconds"] = "7";
            return settings;
        }
    }

    public static void Configure(IServiceCollection services, Func<SalusFactory> factory)
    {
        ChannelsFixture.Configure(services, factory);
        var probe = new IngestProbe();
        services.AddSingleton(probe);
        services.ConfigureDbContext<SalusDbContext>(options => options.AddInterceptors(probe));
    }
}

public sealed class SqliteGroupCommitApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => GroupCommitFixture.Settings;

    protected override void ConfigureServices(IServiceCollection services) => GroupCommitFixture.Configure(services, () => Factory);
}

public sealed class PostgresGroupCommitApp : PostgresApp
{
    protected override IDictionary<string, string?> Settings => GroupCommitFixture.Settings;

    protected override void ConfigureServices(IServiceCollection services) => GroupCommitFixture.Configure(services, () => Factory);
}
