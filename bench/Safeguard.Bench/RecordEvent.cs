using Safeguard.Core.Derivation;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Bench;

/// <summary>The cost of recording one event (issue 7 point 9): a child with a long history (500 events by default:
/// missing episodes with their found reports, PPNs and CSE screenings over three years) gets one more event, through
/// <see cref="EventService.RecordAsync"/> exactly as the API calls it (one unit of work: transaction, the person's
/// lock, checks, the rules over the whole history, outputs stored, commit). Each sample is a new unit of work.</summary>
internal static class RecordEvent
{
    /// <summary>Wall-clock times per recording, and the mean CPU time this process spent on one (the database server's own
    /// work not included): on a busy machine the CPU time says more about the code than the wall clock does.</summary>
    /// <remarks><c>LoadHistoryP50Ms</c>: reading the child's whole history the way the rules runner does, alone, to
    /// show how much of a recording is the read.</remarks>
    public sealed record Row(string Provider, int HistoryEvents, int Samples, double P50Ms, double P95Ms, double MeanMs, double MaxMs, double MeanCpuMs,
        double LoadHistoryP50Ms, double SeedSeconds);

    private static readonly Actor Officer = new("bench-officer", "Bench Officer", Roles.Officer, "BCU-N");
    private static readonly DateTimeOffset Start = new(2023, 3, 1, 18, 0, 0, TimeSpan.Zero);

    public static Row Run(string provider, string? postgresServer, int history, int samples)
    {
        var folder = Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string database = "safeguard_bench_" + Guid.NewGuid().ToString("N")[..12];
        var connection = provider == "postgres"
            ? $"{postgresServer ?? throw new InvalidOperationException("postgres needs --postgres or SAFEGUARD_BENCH_POSTGRES")};Database={database}"
            : $"Data Source={Path.Combine(folder, "bench.db")}";
        try
        {
            using var services = Services(provider, connection, folder);
            services.MigrateDatabaseAsync().GetAwaiter().GetResult();
            var child = CreateChild(services);

            var seed = Stopwatch.StartNew();
            for (int i = 0; i < history; i += 50)
                Record(services, Enumerable.Range(i, Math.Min(50, history - i)).Select(n => HistoryEvent(n, child)).ToList());
            double seedSeconds = seed.Elapsed.TotalSeconds;

            var times = new List<double>();
            var cpu = TimeSpan.Zero;
            for (int s = -3; s < samples; s++) // three warm-up runs, not counted
            {
                var ev = s % 2 == 0 ? Ppn($"new-ppn-{s + 3}", child, Start.AddDays(1100 + s)) : Missing($"new-mis-{s + 3}", child, Start.AddDays(1100 + s));
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                Record(services, [ev]);
                if (s < 0) continue;
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            }
            times.Sort();
            var loads = new List<double>();
            for (int s = 0; s < Math.Max(5, samples / 2); s++)
            {
                using var scope = services.CreateScope();
                var clock = Stopwatch.StartNew();
                new Safeguard.Core.Derivation.HistoryLoader(scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDb>()).HistoriesAsync([child]).GetAwaiter().GetResult();
                loads.Add(clock.Elapsed.TotalMilliseconds);
            }
            loads.Sort();
            return new Row(provider, history, samples, Percentile(times, 0.50), Percentile(times, 0.95), Math.Round(times.Average(), 1), Math.Round(times[^1], 1),
                Math.Round(cpu.TotalMilliseconds / samples, 1), Percentile(loads, 0.50), Math.Round(seedSeconds, 2));
        }
        finally
        {
            if (provider == "postgres") BenchDatabase.Drop(postgresServer!, database);
            try { Directory.Delete(folder, true); } catch (IOException) { /* the OS cleans its temp folder */ }
        }
    }

    private static ServiceProvider Services(string provider, string connection, string folder)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Safeguard:Database:Provider"] = provider, ["ConnectionStrings:Safeguard"] = connection, ["Safeguard:DataFolder"] = folder,
        }).Build();
        var services = new ServiceCollection();
        services.AddSafeguardDatabase(config);
        services.AddSafeguardCore();
        return services.BuildServiceProvider();
    }

    private static Guid CreateChild(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var child = new Person
        {
            Id = Guid.NewGuid(), Forename = "Bench", Surname = "Child", DateOfBirth = new DateOnly(2011, 4, 5), CreatedAt = Start, CreatedBy = "bench", Unit = "BCU-N",
        };
        PersonSearchKeys.Apply(child);
        db.People.Add(child);
        db.SaveChanges();
        return child.Id;
    }

    private static void Record(ServiceProvider services, IReadOnlyList<object> events)
    {
        using var scope = services.CreateScope();
        var submissions = events.Select(e => EventSubmissionReader.Read(JsonSerializer.SerializeToElement(e))).ToList();
        scope.ServiceProvider.GetRequiredService<EventService>().RecordAsync(Officer, submissions).GetAwaiter().GetResult();
    }

    /// <summary>Event n of the history: a cycle of missing report, found report, PPN and CSE screening every ten days or so.</summary>
    private static object HistoryEvent(int n, Guid child)
    {
        var at = Start.AddDays(n * 2.2);
        return (n % 4) switch
        {
            0 => Missing($"h-mis-{n}", child, at),
            1 => new
            {
                id = $"h-loc-{n}", type = "missing-located", occurredAt = at.AddHours(-30),
                people = new[] { new { personId = child, role = "child" } },
                data = new { missingEventId = $"h-mis-{n - 1}", locatedAt = at.AddHours(-30), foundLocation = "Bus station" },
            },
            2 => Ppn($"h-ppn-{n}", child, at),
            _ => new
            {
                id = $"h-cse-{n}", type = "cse-screening", occurredAt = at,
                people = new[] { new { personId = child, role = "child" } }, data = new { indicators = new[] { "missing" } },
            },
        };
    }

    private static object Missing(string id, Guid child, DateTimeOffset at) => new
    {
        id, type = "missing-reported", occurredAt = at, people = new[] { new { personId = child, role = "child" } },
        data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = at.AddHours(-2), lastSeenLocation = "Home" },
    };

    private static object Ppn(string id, Guid child, DateTimeOffset at) => new
    {
        id, type = "ppn", occurredAt = at, people = new[] { new { personId = child, role = "child" } },
        data = new
        {
            concerns = new[] { "neglect" }, demeanour = "Quiet, watchful", childViews = "I want to stay with my nan", immediateActions = "Taken to grandmother",
            referredToSocialCare = true, riskGrade = "medium",
        },
    };

    private static double Percentile(List<double> sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
}
