using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Cli;
using Safeguard.Core.Data;
using Safeguard.Core.Demo;
using Safeguard.Core.Measures.Framework;
using Safeguard.Web.Hosting;

namespace Safeguard.Bench;

/// <summary>The measures dashboard for a year of a whole force (issue 12 point 7): seeds a synthetic force into a fresh
/// database, starts the built app as its own process, signs in as the demo leader and times what a browser does from a
/// separate process over 127.0.0.1: the page (every measure computed, the figures table under each chart), then the
/// page with all its chart images fetched six at a time, as a browser fetches them. The goal is under a second.</summary>
public static partial class Dashboard
{
    public const double GoalMs = 1000;

    public sealed record Timing(string What, int Samples, double P50Ms, double P95Ms, double MaxMs);

    public sealed record Row(string Provider, int People, int Events, string Period, string Split, int Charts,
        double SeedSeconds, IReadOnlyList<Timing> Timings, bool GoalMet);

    /// <summary>Seeds (or, with <paramref name="keep"/>, reuses) the force and times the dashboard. <paramref name="keep"/>
    /// is a folder to seed into and keep (SQLite; on PostgreSQL the database is named after it): a later run with the
    /// same folder finds the force already seeded and only times the dashboard.</summary>
    public static async Task<Row> RunAsync(string provider, string? postgres, DemoOptions force, int samples, string split, string repoRoot,
        string? keep = null)
    {
        var folder = keep is null ? Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N")) : Path.GetFullPath(keep);
        Directory.CreateDirectory(folder);
        var database = "safeguard_bench_" + (keep is null ? Guid.NewGuid().ToString("N") : new DirectoryInfo(folder).Name.Replace('-', '_').ToLowerInvariant());
        var connection = provider == "postgres"
            ? $"{postgres ?? throw new ArgumentException("--postgres CONN is needed for PostgreSQL")};Database={database}"
            : $"Data Source={Path.Combine(folder, "safeguard.db")}";
        try
        {
            var (people, events, seedSeconds) = await SeedAsync(provider, connection, folder, force);
            using var app = await WebApp.StartAsync(repoRoot, provider, connection, folder);
            using var client = await app.SignInAsync("leader", DemoForce.DemoPassword);

            var current = MonthKey.Of(DateTimeOffset.UtcNow);
            var period = $"from={new MonthKey(current.Value - 12)}&to={new MonthKey(current.Value - 1)}&split={split}";
            var page = new List<double>();
            var whole = new List<double>();
            var charts = 0;
            for (var i = -2; i < samples; i++) // two warm-up rounds, not counted
            {
                var clock = Stopwatch.StartNew();
                using var answer = await client.GetAsync("/measures?" + period);
                if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The dashboard answered {(int)answer.StatusCode}.");
                var html = await answer.Content.ReadAsStringAsync();
                var pageMs = clock.Elapsed.TotalMilliseconds;
                var sources = ChartSource().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
                using var gate = new SemaphoreSlim(6);
                await Task.WhenAll(sources.Select(async src =>
                {
                    await gate.WaitAsync();
                    try { (await client.GetAsync(src)).EnsureSuccessStatusCode(); }
                    finally { gate.Release(); }
                }));
                if (i < 0) continue;
                page.Add(pageMs);
                whole.Add(clock.Elapsed.TotalMilliseconds);
                charts = sources.Count;
            }
            if (charts == 0) throw new InvalidOperationException("The dashboard showed no charts: the benchmark would be timing an empty page.");
            var timings = new[] { Summarise("page (figures and tables)", page), Summarise($"page and its {charts} charts", whole) };
            return new Row(provider, people, events, period.Split("&split")[0], split, charts, seedSeconds, timings, timings[1].P95Ms < GoalMs);
        }
        finally
        {
            if (keep is null)
                try { Directory.Delete(folder, true); } catch (IOException) { /* the app may still hold a file for a moment */ }
        }
    }

    private static async Task<(int People, int Events, double Seconds)> SeedAsync(string provider, string connection, string folder, DemoOptions force)
    {
        await using var services = CliServices.Build(provider, connection, folder);
        await services.MigrateDatabaseAsync();
        var seed = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        await DemoForce.SeedAsync(db, scope.ServiceProvider, force, DateTimeOffset.UtcNow);
        seed.Stop();
        return (await db.People.CountAsync(), await db.Events.CountAsync(), seed.Elapsed.TotalSeconds);
    }

    private static Timing Summarise(string what, List<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Timing(what, sorted.Length, At(0.5), At(0.95), sorted[^1]);
    }

    [GeneratedRegex("<img[^>]*src=\"(/measures\\?handler=Chart[^\"]*)\"")]
    private static partial Regex ChartSource();

    /// <summary>The built web app, run as its own process on a free loopback port against the seeded database.</summary>
    private sealed class WebApp(Process process, Uri baseUrl) : IDisposable
    {
        public static async Task<WebApp> StartAsync(string repoRoot, string provider, string connection, string folder)
        {
            var dll = new[] { "Release", "Debug" }.Select(c => Path.Combine(repoRoot, "src/Safeguard.Web/bin", c, "net10.0/Safeguard.Web.dll"))
                .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("Build the web app first: dotnet build src/Safeguard.Web -c Release");
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(repoRoot, "src/Safeguard.Web"), RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
            start.Environment["Safeguard__DataFolder"] = folder;
            start.Environment["Safeguard__Database__Provider"] = provider;
            start.Environment["ConnectionStrings__Safeguard"] = connection;
            start.Environment["Safeguard__Clock__Enabled"] = "false"; // nothing but the requests timed runs in the app
            var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new WebApp(process, new Uri($"http://127.0.0.1:{port}"));
            using var probe = new HttpClient { BaseAddress = app._baseUrl, Timeout = TimeSpan.FromSeconds(5) };
            for (var waited = Stopwatch.StartNew(); ; await Task.Delay(250))
            {
                if (process.HasExited) throw new InvalidOperationException($"The web app exited while starting (code {process.ExitCode}).");
                if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The web app did not answer /health within 2 minutes.");
                try { if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return app; }
                catch (HttpRequestException) { /* not listening yet */ }
            }
        }

        private readonly Uri _baseUrl = baseUrl;

        /// <summary>A client with the session cookie of a user signed in through the sign-in page, as a browser signs in.</summary>
        /// <remarks>The app marks its cookies <c>Secure</c> (it expects TLS in front of it), which a cookie container
        /// would then not send over plain http to 127.0.0.1, so the cookies are carried by hand.</remarks>
        public async Task<HttpClient> SignInAsync(string username, string password)
        {
            var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
                { BaseAddress = _baseUrl, Timeout = TimeSpan.FromMinutes(2) };
            var cookies = new Dictionary<string, string>();
            void Keep(HttpResponseMessage r)
            {
                foreach (var header in r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
                {
                    var pair = header.Split(';')[0].Split('=', 2);
                    cookies[pair[0]] = pair[1];
                }
            }
            var form = await client.GetAsync("/sign-in");
            Keep(form);
            var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    { ["Username"] = username, ["Password"] = password, ["__RequestVerificationToken"] = token }),
            };
            post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
            var answer = await client.SendAsync(post);
            if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {username} answered {(int)answer.StatusCode}.");
            Keep(answer);
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
            return client;
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }
}
