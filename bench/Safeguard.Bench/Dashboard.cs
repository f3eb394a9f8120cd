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
        double SeedSeconds, IReadOnlyList<Timing> Timings, bool GoalMet, double ServerPeakMb);

    /// <summary>Seeds (or, with <paramref name="keep"/>, reuses) the force and times the dashboard. <paramref name="keep"/>
    /// is a folder to seed into and keep (SQLite; on PostgreSQL the database is named after it): a later run with the
    /// same folder finds the force already seeded and only times the dashboard.</summary>
    public static async Task<Row> RunAsync(string provider, string? postgres, Func<IServiceProvider, Task> seed, int samples, string split, string repoRoot,
        string? keep = null)
    {
        using var database = BenchDatabase.Open(provider, postgres, keep);
        var (people, events, seedSeconds) = await SeedAsync(provider, database.Connection, database.Folder, seed);
        using var app = await WebApp.StartAsync(repoRoot, provider, database.Connection, database.Folder);
        using var client = await app.SignInAsync("leader", DemoForce.DemoPassword);
        var (period, charts, timings) = await TimeAsync(client, samples, split);
        return new Row(provider, people, events, period, split, charts, seedSeconds, timings, timings[1].P95Ms < GoalMs, app.PeakMemoryMb());
    }

    /// <summary>Times the dashboard for the last twelve whole months as a signed-in leader's browser loads it: the page,
    /// then its chart images six at a time. Two warm-up rounds are not counted.</summary>
    public static async Task<(string Period, int Charts, Timing[] Timings)> TimeAsync(HttpClient client, int samples, string split)
    {
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
        return (period.Split("&split")[0], charts, [Summarise("page (figures and tables)", page), Summarise($"page and its {charts} charts", whole)]);
    }

    /// <summary>The demo force, seeded one event at a time through the event service.</summary>
    public static Func<IServiceProvider, Task> Demo(DemoOptions force) => async services =>
    {
        await using var scope = services.CreateAsyncScope();
        await DemoForce.SeedAsync(scope.ServiceProvider.GetRequiredService<SafeguardDb>(), scope.ServiceProvider, force, DateTimeOffset.UtcNow);
    };

    /// <summary>A force or region loaded in bulk (<c>safeguard generate</c>).</summary>
    public static Func<IServiceProvider, Task> Generated(ScaleOptions scale) => services => GenerateCommand.Generate(services, scale, Console.Out);

    private static async Task<(int People, int Events, double Seconds)> SeedAsync(string provider, string connection, string folder,
        Func<IServiceProvider, Task> seed)
    {
        await using var services = CliServices.Build(provider, connection, folder);
        await services.MigrateDatabaseAsync();
        var watch = Stopwatch.StartNew();
        await seed(services);
        watch.Stop();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        return (await db.People.CountAsync(), await db.Events.CountAsync(), watch.Elapsed.TotalSeconds);
    }

    private static Timing Summarise(string what, List<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Timing(what, sorted.Length, At(0.5), At(0.95), sorted[^1]);
    }

    [GeneratedRegex("<img[^>]*src=\"(/measures\\?handler=Chart[^\"]*)\"")]
    private static partial Regex ChartSource();
}
