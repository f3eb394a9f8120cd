using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Cli;
using Safeguard.Core.Data;
using Safeguard.Core.Demo;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Bench;

/// <summary>Every speed the issue 13 targets name, in one run against one provider and size: a force (or region, or a
/// tiny one for CI) loaded in bulk, the built app started as its own process, and load from this process over 127.0.0.1,
/// every request bounded by a deadline and a count. The reads are also timed as the raw SQL they come down to, in the
/// same run, so the application's cost over the database is a ratio. Nothing here is asserted: the figures are printed
/// and written to <c>bench/results/&lt;provider&gt;-&lt;size&gt;.json</c>.</summary>
public static class Scale
{
    /// <summary>One line of the table. <see cref="PerSecond"/> is completed requests (or events, or rows) per second;
    /// <see cref="RawP50Ms"/> the same read as plain SQL, where there is one.</summary>
    public sealed record Timing(string What, int Samples, double P50Ms, double P95Ms, double MaxMs, double PerSecond, double? RawP50Ms, double? RawP95Ms,
        string Goal, bool Met);

    public sealed record Report(string Provider, string Size, int People, int Events, int HeaviestEvents, double LoadSeconds, int Clients,
        IReadOnlyList<Timing> Rows, double ServerPeakMb, bool MemoryMet);

    public const double MemoryGoalMb = 1024;

    public sealed record Settings(string Provider, string? Postgres, string Size, ScaleOptions Force, string? Keep, TimeSpan Duration, int Clients,
        int ImportRows, string RepoRoot);

    public static async Task<Report> RunAsync(Settings s)
    {
        using var database = BenchDatabase.Open(s.Provider, s.Postgres, s.Keep);
        await using var services = CliServices.Build(s.Provider, database.Connection, database.Folder);
        await services.MigrateDatabaseAsync();
        var load = Stopwatch.StartNew();
        await GenerateCommand.Generate(services, s.Force, Console.Out);
        load.Stop();
        var sample = await SampleAsync(services);
        var token = await IssueTokenAsync(services);
        Console.WriteLine($"{sample.People:N0} people, {sample.Events:N0} events; timing for {s.Duration.TotalSeconds:0} s per load, {s.Clients} clients");

        var rows = new List<Timing>();
        double peak;
        using (var app = await WebApp.StartAsync(s.RepoRoot, s.Provider, database.Connection, database.Folder))
        {
            using var api = app.TokenClient(token);
            var random = new Random(5);
            string Profile(Guid id) => $"/api/v1/people/{id}/profile";

            await LoadAsync(api, s.Clients, TimeSpan.FromSeconds(Math.Min(5, s.Duration.TotalSeconds)), _ => Get(Profile(Pick(random, sample.Children)))); // warm-up
            var rawProfile = await RawAsync(services, sample.Children.Take(200), ProfileSql);
            var one = await LoadAsync(api, 1, s.Duration / 2, _ => Get(Profile(Pick(random, sample.Children))));
            rows.Add(Row("profile, random children, 1 client", one, rawProfile, "app ≤ 3× raw SQL", one.P50 <= 3 * Median(rawProfile)));
            var many = await LoadAsync(api, s.Clients, s.Duration, _ => Get(Profile(Pick(random, sample.Children))));
            rows.Add(Row($"profile, random children, {s.Clients} clients", many, null, "p95 ≤ 20 ms, ≥ 500/s", many.P95 <= 20 && many.PerSecond >= 500));
            var rawHeavy = await RawAsync(services, sample.Heaviest, ProfileSql);
            var heavy = await LoadAsync(api, 1, s.Duration / 2, i => Get(Profile(sample.Heaviest[i % sample.Heaviest.Count])));
            rows.Add(Row($"profile, busiest children ({sample.Heaviest.Count} of the 20 busiest people), 1 client", heavy, rawHeavy, "p95 ≤ 20 ms", heavy.P95 <= 20));

            var names = sample.Names;
            var rawSearch = await RawAsync(services, names.Take(200).Select(n => n.SurnameKey), SearchSql);
            var search = await LoadAsync(api, 1, s.Duration / 2,
                i => Get($"/api/v1/people?name={Uri.EscapeDataString(names[i % names.Count].Name)}"));
            rows.Add(Row("search by full name, 1 client", search, rawSearch, "p95 ≤ 50 ms", search.P95 <= 50));
            var searchMany = await LoadAsync(api, s.Clients, s.Duration / 2,
                i => Get($"/api/v1/people?name={Uri.EscapeDataString(names[i % names.Count].Name)}"));
            rows.Add(Row($"search by full name, {s.Clients} clients", searchMany, null, "p95 ≤ 50 ms", searchMany.P95 <= 50));

            var run = Guid.NewGuid().ToString("N")[..8];
            var single = await LoadAsync(api, 1, s.Duration, i => Post(Ppn($"bench-{run}-s{i}", Pick(random, sample.Children))));
            rows.Add(Row("record one event with rules, 1 client", single, null, "≥ 200 events/s", single.PerSecond >= 200));
            var batches = await LoadAsync(api, 1, s.Duration, i => Post(new
            {
                events = Enumerable.Range(0, 100).Select(k => Ppn($"bench-{run}-b{i}-{k}", Pick(random, sample.Children))).ToArray(),
            }));
            var perEvent = batches with { PerSecond = batches.PerSecond * 100 };
            rows.Add(Row("record events in batches of 100, 1 client", perEvent, null, "≥ 1,000 events/s", perEvent.PerSecond >= 1000));

            using (var leader = await app.SignInAsync("leader", DemoForce.DemoPassword))
            {
                var (_, charts, dashboard) = await Dashboard.TimeAsync(leader, 5, "bcu");
                var whole = dashboard[1];
                rows.Add(new Timing($"measures dashboard, a year, page and {charts} charts", whole.Samples, whole.P50Ms, whole.P95Ms, whole.MaxMs,
                    1000 / whole.P50Ms, null, null, "≤ 1 s", whole.P95Ms <= 1000));
            }
            peak = app.PeakMemoryMb();

            async Task Get(string url)
            {
                using var answer = await api.GetAsync(url);
                if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)answer.StatusCode}.");
                await answer.Content.CopyToAsync(Stream.Null);
            }

            async Task Post(object body)
            {
                using var answer = await api.PostAsJsonAsync("/api/v1/events", body);
                if (!answer.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Recording answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            }
        }

        rows.Add(await ImportAsync(s, database, services));
        return new Report(s.Provider, s.Size, sample.People, sample.Events, sample.HeaviestEvents, load.Elapsed.TotalSeconds, s.Clients, rows, peak,
            peak <= MemoryGoalMb);
    }

    private sealed record Sample(int People, int Events, List<Guid> Children, List<Guid> Heaviest, int HeaviestEvents,
        List<(string Name, string SurnameKey)> Names);

    /// <summary>Who the load asks about: children with a history, the ten with the most events, and people to search for.</summary>
    private static async Task<Sample> SampleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var random = new Random(3);
        var adult = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18);
        var children = await db.People.AsNoTracking().Where(p => p.DateOfBirth > adult).Select(p => p.Id).ToListAsync();
        var busiest = await db.EventParticipants.AsNoTracking().GroupBy(p => p.PersonId)
            .Select(g => new { PersonId = g.Key, Events = g.Count() }).OrderByDescending(x => x.Events).Take(20).ToListAsync();
        var heaviest = await db.People.AsNoTracking().Where(p => busiest.Select(b => b.PersonId).Contains(p.Id) && p.DateOfBirth > adult)
            .Select(p => p.Id).Take(10).ToListAsync();
        var people = await db.People.AsNoTracking().Where(p => p.Forename != "" && p.Surname != "").OrderBy(p => p.Id).Take(5000)
            .Select(p => new { p.Forename, p.Surname, p.SurnameKey }).ToListAsync();
        return new Sample(await db.People.CountAsync(), await db.Events.CountAsync(),
            children.OrderBy(_ => random.Next()).Take(5000).ToList(), heaviest, busiest.Count == 0 ? 0 : busiest[0].Events,
            people.OrderBy(_ => random.Next()).Take(500).Select(p => ($"{p.Forename} {p.Surname}", p.SurnameKey)).ToList());
    }

    private static async Task<string> IssueTokenAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var team = await db.Teams.AsNoTracking().OrderBy(t => t.Code).Select(t => t.Code).FirstAsync(t => t.EndsWith("-RESP"));
        var admin = new Actor("system:bench", "Benchmark", Roles.Administrator, null);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiClients>()
            .IssueAsync(admin, "bench " + Guid.NewGuid().ToString("N")[..8], Roles.Officer, team);
        return issued.Token;
    }

    private sealed record Measured(int Samples, double P50, double P95, double Max, double PerSecond);

    /// <summary><paramref name="clients"/> workers each send one request after another until <paramref name="duration"/> is
    /// up (a request started before the end is finished). Every request's time is kept.</summary>
    private static async Task<Measured> LoadAsync(HttpClient api, int clients, TimeSpan duration, Func<int, Task> request)
    {
        var times = new ConcurrentBag<double>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                await request(Interlocked.Increment(ref next));
                times.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        })));
        var sorted = times.Order().ToArray();
        return new Measured(sorted.Length, At(sorted, 0.5), At(sorted, 0.95), sorted[^1], sorted.Length / clock.Elapsed.TotalSeconds);
    }

    /// <summary>A profile comes down to the person, their events with everyone in them, their flags, tasks and alerts,
    /// and one access-log row written and committed (every view is recorded, P5). The row goes to a table of the
    /// benchmark's own, so the real log's chain is untouched; the commit costs what the log's would.</summary>
    private const string ProfileSql = """
        SELECT * FROM people WHERE "Id" = @k;
        SELECT e.*, o.* FROM event_people p JOIN events e ON e."Id" = p."EventId" JOIN event_people o ON o."EventId" = e."Id" WHERE p."PersonId" = @k;
        SELECT * FROM flags WHERE "PersonId" = @k;
        SELECT * FROM tasks WHERE "PersonId" = @k;
        SELECT * FROM alerts WHERE "PersonId" = @k;
        INSERT INTO bench_views (person, at) VALUES (CAST(@k AS TEXT), CURRENT_TIMESTAMP)
        """;

    private const string SearchSql = """SELECT * FROM people WHERE "SurnameKey" = @k LIMIT 3000""";

    /// <summary>The floor under an application read: the rows it comes down to, read with plain SQL on one connection and
    /// every row read to the end, nothing ranked or shaped; each statement list in its own (implicit) transaction.</summary>
    private static async Task<List<double>> RawAsync<T>(IServiceProvider services, IEnumerable<T> keys, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var mapping = typeof(T) == typeof(Guid)
            ? db.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.Id))!.GetRelationalTypeMapping()
            : db.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.SurnameKey))!.GetRelationalTypeMapping();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS bench_views (person TEXT, at TIMESTAMP)");
        var connection = db.Database.GetDbConnection();
        var ms = new List<double>();
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(mapping.CreateParameter(command, "k", key));
            var watch = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync())
                do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    /// <summary><c>safeguard import</c>, run as its own process against the loaded force: synthetic person rows (with the
    /// typing errors and duplicates of <see cref="Safeguard.Matching.Synthetic.PopulationGenerator"/>) matched against
    /// everyone already there.</summary>
    private static async Task<Timing> ImportAsync(Settings s, BenchDatabase database, IServiceProvider services)
    {
        var records = new Safeguard.Matching.Synthetic.PopulationGenerator(Environment.TickCount).Generate(s.ImportRows).Records;
        var csv = Path.Combine(database.Folder, "import.csv");
        var mapping = Path.Combine(database.Folder, "import-mapping.json");
        await File.WriteAllLinesAsync(csv, new[] { "Ref,First,Last,DOB,Sex,Postcode" }.Concat(records.Select((r, i) => string.Join(',',
            $"R{i}", Csv(r.Forename), Csv(r.Surname), r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Gender ?? "", Csv(r.Postcode)))));
        await File.WriteAllTextAsync(mapping, $$"""
            { "system": "bench-{{Guid.NewGuid():N}}", "people": { "id": "Ref", "forename": "First", "surname": "Last",
              "dateOfBirth": { "column": "DOB", "format": "yyyy-MM-dd" }, "gender": "Sex", "postcode": "Postcode" } }
            """);
        var dll = new[] { "Release", "Debug" }.Select(c => Path.Combine(s.RepoRoot, "src/Safeguard.Cli/bin", c, "net10.0/safeguard.dll"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("Build the command first: dotnet build src/Safeguard.Cli -c Release");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "import", csv, "--mapping", mapping, "--database", s.Provider, "--connection", database.Connection })
            start.ArgumentList.Add(arg);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"safeguard import failed ({process.ExitCode}): {await output}{await errors}");
        var perSecond = s.ImportRows / watch.Elapsed.TotalSeconds;
        return new Timing($"import {s.ImportRows:N0} people against the force (whole command)", s.ImportRows, 0, 0, watch.Elapsed.TotalMilliseconds,
            perSecond, null, null, "≥ 5,000 rows/s", perSecond >= 5000);
    }

    private static string Csv(string? value) => value is null ? "" : value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static object Ppn(string id, Guid child) => new
    {
        id, type = "ppn", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-30), people = new[] { new { personId = child, role = "child" } },
        data = new
        {
            concerns = new[] { "neglect" }, demeanour = "Quiet, watchful", childViews = "I want to stay with my nan", immediateActions = "Taken to grandmother",
            referredToSocialCare = true, riskGrade = "medium",
        },
    };

    private static Timing Row(string what, Measured m, List<double>? raw, string goal, bool met) =>
        new(what, m.Samples, Round(m.P50), Round(m.P95), Round(m.Max), Round(m.PerSecond), raw is null ? null : Round(Median(raw)),
            raw is null ? null : Round(At(raw.Order().ToArray(), 0.95)), goal, met);

    private static T Pick<T>(Random random, List<T> items)
    {
        lock (random) return items[random.Next(items.Count)];
    }

    private static double Median(List<double> values) => At(values.Order().ToArray(), 0.5);

    private static double At(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double value) => Math.Round(value, 1);
}

/// <summary>Where a benchmark's data lives: a folder (SQLite) or a database on the given PostgreSQL server, thrown away
/// afterwards unless it is kept (<c>--keep DIR</c>): a later run with the same folder finds the force already loaded.</summary>
public sealed class BenchDatabase : IDisposable
{
    private BenchDatabase(string folder, string connection, string? server, string database, bool keep) =>
        (Folder, Connection, _server, _database, _keep) = (folder, connection, server, database, keep);

    public string Folder { get; }
    public string Connection { get; }
    private readonly bool _keep;
    private readonly string? _server;
    private readonly string _database;

    public static BenchDatabase Open(string provider, string? postgres, string? keep)
    {
        var folder = keep is null ? Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N")) : Path.GetFullPath(keep);
        Directory.CreateDirectory(folder);
        var database = "safeguard_bench_" + (keep is null ? Guid.NewGuid().ToString("N") : new DirectoryInfo(folder).Name.Replace('-', '_').ToLowerInvariant());
        var connection = provider == "postgres"
            ? $"{postgres ?? throw new ArgumentException("--postgres CONN is needed for PostgreSQL")};Database={database}"
            : $"Data Source={Path.Combine(folder, "safeguard.db")}";
        return new BenchDatabase(folder, connection, provider == "postgres" ? postgres : null, database, keep is not null);
    }

    public void Dispose()
    {
        if (_keep) return;
        try { Directory.Delete(Folder, true); } catch (IOException) { /* the app may still hold a file for a moment */ }
        if (_server is not null) Drop(_server, _database);
    }

    /// <summary>Drops a benchmark's database on a PostgreSQL server, whoever is still connected.</summary>
    public static void Drop(string server, string database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(server + ";Database=postgres");
        connection.Open();
        using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
