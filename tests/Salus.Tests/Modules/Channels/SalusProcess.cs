using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Salus.Tests.Modules.Channels;

/// <summary>
/// <c>salus serve</c> as a child process (<c>dotnet src/Salus.Host/bin/&lt;configuration&gt;/net10.0/salus.dll</c>) on a free
/// port, for tests and benchmarks that must kill it for real. Shared with bench/Salus.ChannelsBench.
/// </summary>
public sealed class SalusProcess : IDisposable
{
    private readonly Process _process;

    private SalusProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The built host next to this assembly's configuration (Debug or Release).</summary>
    public static string HostDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Salus.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Salus.slnx) above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(dir.FullName, "src", "Salus.Host", "bin", configuration, "net10.0", "salus.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Salus.Host first.", dll);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SalusProcess> StartAsync(IDictionary<string, string> environment, int port, TimeSpan timeout)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [HostDll(), "serve", "--urls", baseUrl])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new SalusProcess(process, baseUrl);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"salus exited with {process.ExitCode} during start-up.");
            }

            try
            {
                if ((await client.GetAsync(baseUrl + "/health/live")).IsSuccessStatusCode)
                {
                    return child;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        child.KillHard();
        throw new TimeoutException("salus did not become live in " + timeout);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what is not committed is gone.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
