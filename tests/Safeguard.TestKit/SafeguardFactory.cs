using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.TestKit;

/// <summary>A whole Safeguard running in memory with its own, fresh database: a SQLite file by default,
/// or a new PostgreSQL database when <c>SAFEGUARD_TEST_PROVIDER=postgres</c> (scripts/test.sh runs the
/// projects that use this factory both ways). The clock is a fake one the test can move.
/// <para>The provider is proved, not assumed: when the app starts, the factory fails loudly unless the
/// database in use is the one asked for, and when <c>SAFEGUARD_TEST_PROVIDER_LOG</c> names a file it adds one
/// line per app started with the EF Core provider's name, which scripts/test.sh reads back after each run.</para></summary>
public sealed class SafeguardFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789abcdef";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeguard-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static string Provider => Environment.GetEnvironmentVariable("SAFEGUARD_TEST_PROVIDER") ?? "sqlite";

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary>Each app started in a test would otherwise watch its configuration files with its own inotify instance,
    /// and a run starts hundreds of apps: the machine's limit (128 per user) is shared with everything else running, so
    /// configuration is read once and never watched (nothing in a test edits it).</summary>
    static SafeguardFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    private readonly bool _pooledDatabase;
    private int _released;

    /// <param name="settings">Further configuration for this host (e.g. a short busy timeout).</param>
    /// <param name="freshDatabase">On PostgreSQL, a database of its own that no later test will use (one the test changes
    /// beyond its rows, e.g. granting a role of its own), rather than an emptied one from the pool.</param>
    public SafeguardFactory(IReadOnlyDictionary<string, string>? settings = null, bool freshDatabase = false)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(_folder);
        if (Provider == "postgres")
        {
            _postgresServer = Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES")
                ?? throw new InvalidOperationException("SAFEGUARD_TEST_PROVIDER=postgres needs SAFEGUARD_TEST_POSTGRES (a connection string without a database).");
            EnsureAppRole(_postgresServer);
            _pooledDatabase = TemplateDatabase.Enabled && !freshDatabase;
            if (_pooledDatabase) _postgresDatabase = TemplateDatabase.RentPostgres(_postgresServer);
            else
            {
                _postgresDatabase = "safeguard_test_" + Guid.NewGuid().ToString("N")[..16];
                if (TemplateDatabase.Enabled) TemplateDatabase.CreatePostgres(_postgresServer, _postgresDatabase);
            }
        }
        else if (TemplateDatabase.Enabled) TemplateDatabase.CopySqliteTo(Path.Combine(_folder, "safeguard.db"));
    }

    /// <summary>On PostgreSQL, the application's own connection: the same database as <see cref="ConnectionString"/> (the
    /// owner's, which tests use to read and tamper) as the lesser role <see cref="AppRole"/>.</summary>
    public string AppConnectionString => _postgresDatabase is null ? ConnectionString
        : new NpgsqlConnectionStringBuilder(ConnectionString) { Username = AppRole }.ConnectionString;

    /// <summary>The PostgreSQL role the app runs as in tests: created once, shared by every test database (its rights are
    /// granted per database, at start-up, by <c>DatabaseSetup</c>).</summary>
    public const string AppRole = "safeguard_test_app";

    private static readonly object RoleLock = new();
    private static bool _roleReady;

    private static void EnsureAppRole(string server)
    {
        lock (RoleLock)
        {
            if (_roleReady) return;
            using var conn = new NpgsqlConnection(server + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand(
                $"DO $$ BEGIN CREATE ROLE {AppRole} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$", conn);
            cmd.ExecuteNonQuery();
            _roleReady = true;
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
        if (_postgresDatabase is null) builder.UseSetting("ConnectionStrings:Safeguard", ConnectionString);
        else
        {
            // As in production: migrations run as the owner, the app as its own role that owns nothing and may not change the
            // access log (DatabaseSetup grants it what it needs). A test may still set either connection itself.
            builder.UseSetting("ConnectionStrings:SafeguardMigrations", ConnectionString);
            builder.UseSetting("ConnectionStrings:Safeguard", AppConnectionString);
        }
        // Every test client comes from one (unknown) address: rate limits high enough for any test, unless a test sets its own.
        builder.UseSetting("Safeguard:Security:SignInsPerAddressPerMinute", "100000");
        builder.UseSetting("Safeguard:Security:SignInsPerAccountPerMinute", "100000");
        builder.UseSetting("Safeguard:Security:FailedTokensPerAddressPerMinute", "100000");
        builder.UseSetting("Safeguard:Security:ApiRequestsPerClientPerMinute", "1000000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>The EF Core provider each value of <c>SAFEGUARD_TEST_PROVIDER</c> must end up using.</summary>
    public static string ExpectedProviderName => Provider switch
    {
        "sqlite" => "Microsoft.EntityFrameworkCore.Sqlite",
        "postgres" => "Npgsql.EntityFrameworkCore.PostgreSQL",
        var other => throw new InvalidOperationException($"SAFEGUARD_TEST_PROVIDER={other} is not a provider the tests know (sqlite or postgres)."),
    };

    private static readonly Lock ProviderLogLock = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var actual = scope.ServiceProvider.GetRequiredService<SafeguardDb>().Database.ProviderName;
        if (actual != ExpectedProviderName)
            throw new InvalidOperationException($"SAFEGUARD_TEST_PROVIDER={Provider} but the app's database is {actual ?? "unknown"}: these tests would not be testing {Provider}.");
        var log = Environment.GetEnvironmentVariable("SAFEGUARD_TEST_PROVIDER_LOG");
        if (!string.IsNullOrEmpty(log)) lock (ProviderLogLock) File.AppendAllText(log, actual + Environment.NewLine);
        return host;
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

    /// <summary>A unit of work as the database's owner, for a test that plays someone with the owner's keys (dropping or
    /// disabling the access log's triggers, tampering behind the application's back). On SQLite there is one connection,
    /// so this is <see cref="Db"/>; on PostgreSQL the application's own role may not do any of that.</summary>
    public SafeguardDb OwnerDb()
    {
        if (_postgresDatabase is null) return Db();
        _ = Services; // the host has started, so the database exists and is migrated
        return new SafeguardDb(new DbContextOptionsBuilder<SafeguardDb>()
            .UseNpgsql(ConnectionString, x => x.MigrationsAssembly("Safeguard.Data.Postgres")).Options);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(_folder, true); } catch (IOException) { /* a file may still be held open briefly; the temp folder is cleaned by the OS */ }
        if (_postgresDatabase is null || Interlocked.Exchange(ref _released, 1) == 1) return;
        if (_pooledDatabase)
        {
            // Its connections stay pooled, warm, for the next test on the same database.
            TemplateDatabase.ReturnPostgres(_postgresServer!, _postgresDatabase);
            return;
        }
        // This database's pools only: clearing every pool would close other running tests' idle connections, and each
        // new PostgreSQL connection starts with a cold catalogue cache.
        foreach (var connectionString in new[] { ConnectionString, AppConnectionString })
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        TemplateDatabase.DropPostgresLater(_postgresServer!, _postgresDatabase);
    }
}

/// <summary>Helpers that reach state the way production does: tokens through the API-client service that the
/// <c>safeguard token issue</c> command uses, users through the administrators' API.</summary>
public static class FactoryExtensions
{
    /// <summary>An API client with a fresh token for the given role (e.g. "partner-practitioner"), issued as
    /// <c>safeguard token issue</c> issues it.</summary>
    public static async Task<HttpClient> ApiAsAsync(this SafeguardFactory factory, string role, string? team = null, string? organisation = null) =>
        factory.Api((await factory.IssueTokenAsync(role, team, organisation)).Token);

    /// <summary>Issues a token for a new client with the given role through <see cref="ApiClients"/>.</summary>
    public static async Task<IssuedClient> IssueTokenAsync(this SafeguardFactory factory, string role, string? team = null, string? organisation = null,
        string? name = null)
    {
        using var scope = factory.Services.CreateScope();
        var clients = scope.ServiceProvider.GetRequiredService<ApiClients>();
        return await clients.IssueAsync(new Actor("system:test-kit", "Test kit", Roles.Administrator, null),
            name ?? "test-" + role + "-" + Guid.NewGuid().ToString("N")[..6], role, team, organisation);
    }

    /// <summary>Adds a user through <c>POST /api/v1/users</c> with the administrator token; returns their id.</summary>
    public static async Task<string> AddUserAsync(this SafeguardFactory factory, string username, string role, string password,
        string? team = null, string? organisation = null)
    {
        var (status, body) = await factory.Api().PostJsonAsync("/api/v1/users",
            new { username, displayName = "Test " + username, role, team, organisation, password });
        if (status != System.Net.HttpStatusCode.Created) throw new InvalidOperationException($"Adding user {username} answered {status}: {body}");
        return body!["id"]!.GetValue<string>();
    }
}
