using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Safeguard.Cli.Tests.Faults;

/// <summary>The built web app (<c>dotnet Safeguard.Web.dll</c>) run as an operator runs it, as a process of its own on
/// a loopback port, on the database given, with a bootstrap administrator token. <see cref="Kill"/> ends it the
/// hard way (SIGKILL): no shutdown, no flushing, as when the machine loses power or the kernel kills it.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Token = "faults-bootstrap-token-0123456789abcdef";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public Uri Address { get; }

    private ServerProcess(FreshDatabase database, int port)
    {
        var dll = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SafeguardWeb").Value!;
        if (!File.Exists(dll)) throw new InvalidOperationException($"The web app is not built at {dll}; build tests/Safeguard.Cli.Tests.");
        Address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Safeguard__", StringComparison.OrdinalIgnoreCase) ||
                     k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in database.Settings) start.Environment[key] = value;
        start.Environment["Safeguard__BootstrapToken"] = Token;
        start.Environment["DOTNET_NOLOGO"] = "1";
        // No file watchers for appsettings: the machine's inotify instances are shared by every process running tests.
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(FreshDatabase database, int? port = null)
    {
        var server = new ServerProcess(database, port ?? FreeLoopbackPort());
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"The server exited while starting.\n{server.Output}");
            if (clock.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"The server did not answer /health in 2 minutes.\n{server.Output}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>A client of the API with the bootstrap administrator token.</summary>
    public HttpClient Api(TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
