using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Safeguard.Core.Data;

namespace Safeguard.TestKit;

/// <summary>A whole Safeguard running in memory with its own, fresh database: a SQLite file by default,
/// or a new PostgreSQL database when <c>SAFEGUARD_TEST_PROVIDER=postgres</c> (scripts/test.sh runs the
/// data tests both ways). The clock is a fake one the test can move.</summary>
public sealed class SafeguardFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789abcdef";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeguard-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static string Provider => Environment.GetEnvironmentVariable("SAFEGUARD_TEST_PROVIDER") ?? "sqlite";

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Further configuration for this host (e.g. a short busy timeout).</param>
    public SafeguardFactory(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(_folder);
        if (Provider == "postgres")
        {
            _postgresServer = Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES")
                ?? throw new InvalidOperationException("SAFEGUARD_TEST_PROVIDER=postgres needs SAFEGUARD_TEST_POSTGRES (a connection string without a database).");
            _postgresDatabase = "safeguard_test_" + Guid.NewGuid().ToString("N")[..16];
        }
    }

    public string ConnectionString => _postgresDatabase is null
        ? $"Data Source={Path.Combine(_folder, "safeguard.db")}"
        : $"{_postgresServer};Database={_postgresDatabase}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Safeguard:DataFolder", _folder);
        builder.UseSetting("Safeguard:BootstrapToken", AdminToken);
        builder.UseSetting("Safeguard:Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Safeguard", ConnectionString);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>An API client signed in with the bootstrap administrator token.</summary>
    public HttpClient Api(string token = AdminToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new unit of work on the same database, for checking what was stored.</summary>
    public SafeguardDb Db() => Services.CreateScope().ServiceProvider.GetRequiredService<SafeguardDb>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(_folder, true); } catch (IOException) { /* a file may still be held open briefly; the temp folder is cleaned by the OS */ }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_postgresServer + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }
}

/// <summary>Helpers that reach into the running factory.</summary>
public static class FactoryExtensions
{
    /// <summary>An API client with a fresh token for the given role (e.g. "partner-practitioner").</summary>
    public static async Task<HttpClient> ApiAsAsync(this SafeguardFactory factory, string role, string? team = null)
    {
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Safeguard.Core.Organisation.Accounts>();
        var token = await accounts.IssueTokenAsync("test-" + role + "-" + Guid.NewGuid().ToString("N")[..6], role, team);
        return factory.Api(token);
    }
}
