using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;

namespace Safeguard.Browser.Tests;

/// <summary>
/// Runs the real, built web app and a headless Chromium for the browser tests, once for all of them.
/// </summary>
/// <remarks>
/// <para>The app runs as a child process (<c>dotnet Safeguard.Web.dll --urls … --demo</c>) rather than
/// in-process through WebApplicationFactory: the browser then sees exactly what a user would (Kestrel,
/// the production environment, static assets, the real Content-Security-Policy), and the app's own
/// start-up (demo data, migrations) runs as it does in operation. It gets a free loopback port, a fresh
/// temporary data folder (so SQLite in <c>Safeguard:DataFolder</c>) and a random bootstrap token.</para>
/// <para>Chromium is Debian's (<c>/usr/bin/chromium</c>, or <c>SAFEGUARD_CHROMIUM</c>), driven through
/// Playwright's bundled driver; Playwright's own browser download is never used.</para>
/// <para>Environment knobs: <c>SAFEGUARD_WEB_DLL</c> (the app to run; default
/// <c>src/Safeguard.Web/bin/&lt;same configuration as the tests&gt;/net10.0/Safeguard.Web.dll</c>),
/// <c>SAFEGUARD_CHROMIUM</c>, <c>SAFEGUARD_BROWSER_HEADED=1</c> (show the window, where there is a display).</para>
/// </remarks>
public sealed class WebAppFixture : IAsyncLifetime
{
    /// <summary>Arguments Debian's Chromium needs in a container without a GPU, a sandbox or the network.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly StringBuilder _log = new();
    private Process? _server;
    private IPlaywright? _playwright;

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The app's <c>Safeguard:BootstrapToken</c>, for tests that call the API.</summary>
    public string BootstrapToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The app's temporary <c>Safeguard:DataFolder</c>, deleted when the tests end.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "safeguard-browser-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The shared browser; each test gets its own context (cookies, storage) from <see cref="NewPageAsync"/>.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What the app has written to its console so far (kept for failure messages).</summary>
    public string ServerLog
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    public async Task InitializeAsync()
    {
        var repoRoot = RepoRoot();
        var webDll = Environment.GetEnvironmentVariable("SAFEGUARD_WEB_DLL") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(repoRoot, "src", "Safeguard.Web", "bin", BuildConfiguration(), "net10.0", "Safeguard.Web.dll");
        if (!File.Exists(webDll))
        {
            throw new InvalidOperationException($"The web app is not built: {webDll} is missing. Build the solution first (scripts/test.sh does).");
        }

        Directory.CreateDirectory(DataFolder);
        var port = FreeLoopbackPort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        await StartServerAsync(webDll, Path.Combine(repoRoot, "src", "Safeguard.Web"), port);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SAFEGUARD_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = Environment.GetEnvironmentVariable("SAFEGUARD_BROWSER_HEADED") != "1",
            Args = ChromiumArgs.Where(a => a != "--headless" || Environment.GetEnvironmentVariable("SAFEGUARD_BROWSER_HEADED") != "1"),
        });
    }

    /// <summary>A new browser context and page on the app, with nobody signed in.</summary>
    /// <param name="bypassCsp">Let the test inject scripts the app's Content-Security-Policy would block.
    /// Off by default, so that the journeys run under the real policy and catch inline scripts.</param>
    /// <param name="narrow">A window 320 CSS pixels wide (WCAG 1.4.10 reflow: a phone, or 1280 px zoomed to 400 %),
    /// so that every page the journey shows is measured for sideways scrolling at that width.</param>
    public async Task<BrowserSession> NewPageAsync(bool bypassCsp = false, bool narrow = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            BypassCSP = bypassCsp,
            ViewportSize = narrow ? new ViewportSize { Width = 320, Height = 720 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var session = new BrowserSession(this, context, await context.NewPageAsync());
        await session.StartCheckingAsync();
        return session;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the just-stopped app; the temp folder is cleaned by the OS in time.
        }
    }

    private async Task StartServerAsync(string webDll, string contentRoot, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder as the working directory makes it the content root, as with `dotnet run`.
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --demo last: it is a flag without a value, and a value-less switch must not swallow the next one.
        foreach (var arg in new[] { webDll, "--urls", $"http://127.0.0.1:{port}", "--demo" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Safeguard__DataFolder"] = DataFolder;
        start.Environment["Safeguard__BootstrapToken"] = BootstrapToken;
        // The small demo force has every theme and sign-in, and seeds in seconds rather than a minute.
        start.Environment["Safeguard__DemoSize"] = "small";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Configuration files are polled rather than watched: on a machine shared by many test runs the per-user
        // limit of inotify instances is soon reached, and the app would fail at start-up for want of a watcher.
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "1";

        _server = new Process { StartInfo = start, EnableRaisingEvents = true };
        _server.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _server.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_server.ExitCode} while starting.\n{ServerLog}");
            }
            try
            {
                using var response = await http.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting (seeding demo data).
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The web app did not answer /health within {StartTimeout.TotalSeconds} s.\n{ServerLog}");
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            // Keep the tail only: a long run's request log is not worth holding in memory.
            if (_log.Length > 200_000)
            {
                _log.Remove(0, 100_000);
            }
            _log.AppendLine(line);
        }
    }

    /// <summary>The repository root: the nearest folder above the tests holding Safeguard.slnx.</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Safeguard.slnx above {AppContext.BaseDirectory}.");
    }

    private static string BuildConfiguration() =>
        typeof(WebAppFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Release";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>All browser tests share one app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "Browser";
}
