using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Safeguard.Web.Tests.Hosting;

/// <summary>Start-up as an operator sees it (issue 8, point 12): the built app run as a process, with its options in
/// any order; the address bound and printed before the demo force is seeded; a port in use refused at once.
/// <para>The app runs on its own SQLite data folder whichever database the run is for, so scripts/test.sh runs these in
/// the SQLite run only (trait Provider=sqlite): the PostgreSQL run would repeat them exactly.</para></summary>
[Trait("Provider", "sqlite")]
public sealed class StartupProcessTests
{
    [Theory]
    [InlineData("--demo", "--urls", "{url}")]
    [InlineData("--urls", "{url}", "--demo")]
    public async Task The_demo_listens_on_the_address_asked_for_whatever_the_order_and_says_so_before_seeding(params string[] args)
    {
        var port = FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        using var app = AppProcess.Start(args.Select(a => a.Replace("{url}", url)));
        try
        {
            // The address is printed once it is bound; the demo force is ready only later.
            await app.WaitForOutputAsync("Safeguard is listening", TimeSpan.FromSeconds(60));
            var health = await WaitForHealthyAsync(url, app, TimeSpan.FromSeconds(120));
            var output = app.Output;

            Assert.Equal(HttpStatusCode.OK, health);
            var listening = output.IndexOf(url, StringComparison.Ordinal);
            var ready = output.IndexOf("The demo force is ready", StringComparison.Ordinal);
            Assert.True(listening >= 0, output);
            Assert.True(ready > listening, output);
            Assert.DoesNotContain("5000", output);
        }
        finally
        {
            app.Stop();
        }
    }

    [Fact]
    public async Task While_the_demo_force_is_prepared_pages_say_so_and_the_health_check_is_not_yet_healthy()
    {
        var port = FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        // The full-size force takes minutes to seed, so the preparing page is there to be seen.
        using var app = AppProcess.Start(["--demo", "--urls", url], small: false);
        try
        {
            await app.WaitForOutputAsync("Safeguard is listening", TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri(url) };

            var page = await http.GetAsync("/sign-in");
            var health = await http.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Preparing the demo force", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        finally
        {
            app.Stop();
        }
    }

    [Fact]
    public async Task A_port_already_in_use_fails_at_once_with_a_plain_message_before_any_seeding()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var app = AppProcess.Start(["--demo", "--urls", $"http://127.0.0.1:{port}"]);

        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var output = app.Output;

        Assert.True(exited, output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("could not start listening", output);
        Assert.Contains(port.ToString(), output);
        Assert.DoesNotContain("Preparing the synthetic demo force", output);
    }

    private static async Task<HttpStatusCode> WaitForHealthyAsync(string url, AppProcess app, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = HttpStatusCode.ServiceUnavailable;
        while (clock.Elapsed < timeout && !app.HasExited)
        {
            try
            {
                last = (await http.GetAsync("/health")).StatusCode;
                if (last == HttpStatusCode.OK) return last;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        return last;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built web app (src/Safeguard.Web/bin/…/Safeguard.Web.dll) run as <c>dotnet</c> would run it, with
    /// its own temporary data folder; everything it writes is kept.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "safeguard-startup-" + Guid.NewGuid().ToString("N")[..12]);

        private AppProcess(IEnumerable<string> args, bool small)
        {
            var root = RepoRoot();
            var configuration = typeof(StartupProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var dll = Path.Combine(root, "src", "Safeguard.Web", "bin", configuration, "net10.0", "Safeguard.Web.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"The web app is not built: {dll} is missing.");
            Directory.CreateDirectory(_dataFolder);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.Combine(root, "src", "Safeguard.Web"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["Safeguard__DataFolder"] = _dataFolder;
            if (small) start.Environment["Safeguard__DemoSize"] = "small";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static AppProcess Start(IEnumerable<string> args, bool small = true) => new(args, small);

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || clock.Elapsed > timeout) throw new TimeoutException($"No \"{text}\" from the app.\n{Output}");
                await Task.Delay(100);
            }
        }

        public async Task<bool> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cancel.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Stop()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
            try { Directory.Delete(_dataFolder, recursive: true); }
            catch (IOException) { }
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) return dir.FullName;
            throw new InvalidOperationException("No Safeguard.slnx above the tests.");
        }
    }
}
