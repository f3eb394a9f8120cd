using Safeguard.Web.Api;
using Safeguard.Web.Hosting;

// Options in any order: value-less switches (--demo) are taken out before ASP.NET Core reads --key value pairs.
var (hostArgs, switches) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Configuration.AddInMemoryCollection(switches);
// MapStaticAssets serves compressed copies that live in obj/ until the app is published; outside
// Development they are found only through the static web assets manifest, so load it always (it is
// absent, and this a no-op, in published output).
builder.WebHost.UseStaticWebAssets();

builder.AddSafeguardObservability();
builder.Services.AddOptions<SafeguardOptions>().Bind(builder.Configuration.GetSection(SafeguardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSafeguardDatabase(builder.Configuration);
builder.Services.AddSafeguardCore();
if (builder.Configuration.GetValue<bool?>("Safeguard:Clock:Enabled") ?? !builder.Environment.IsEnvironment("Testing"))
    builder.Services.AddHostedService<ClockWorker>();
builder.Services.AddSafeguardSecurity(builder.Environment);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddStableCode);
builder.Services.AddExceptionHandler<Problems.ExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer(OpenApiCodes.AddAsync));
// A query string that does not bind (e.g. ?limit=x) is refused as a problem with a code, like every other bad input.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Who may open each page is one table (Hosting/PageAccess), read by the navigation too.
builder.Services.AddRazorPages(o => PageAccess.Apply(o.Conventions));
// The measures dashboard keeps a reader's figures for a moment, so its charts draw what the page just computed.
builder.Services.AddMemoryCache();
builder.Services.AddHealthChecks();
builder.Services.AddScoped<Safeguard.Web.Measures.MeasureBoard>();
builder.Services.AddScoped<Safeguard.Web.Measures.MeasureCases>();
builder.Services.AddScoped<Safeguard.Web.Measures.MonthlyReports>();
builder.Services.AddSingleton(sp => new Readiness(preparing: sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SafeguardOptions>>().Value.Demo));

var app = builder.Build();
await app.PrepareAsync();

// The proxy's view of the client (address, HTTPS) first, from configured proxies only (docs/operations.md).
app.UseForwardedHeaders();
app.UseSafeguardRequestLogging();
app.UseSafeguardErrorPages();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseSecureHeaders();
app.UseReadinessGate();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/health");
app.MapGroup("/api/v1").RequireAuthorization(SecuritySetup.ApiPolicy).WithApiRoles().AddEndpointFilter<ProblemFilter>()
    .MapPeopleEndpoints().MapEventEndpoints().MapCaseEndpoints().MapQueueEndpoints().MapFlagEndpoints().MapAuditEndpoints()
    .MapWorkEndpoints().MapSettingsEndpoints().MapSchoolEndpoints().MapReferralEndpoints().MapMergeEndpoints().MapMatchReviewEndpoints()
    .MapMeasureEndpoints().MapMeasureReportEndpoints().MapUserEndpoints().MapRestrictionEndpoints().MapCustodyEndpoints()
    .MapOffenderEndpoints().MapClientEndpoints()
    .MapInvestigationEndpoints()
    .MapRetentionEndpoints()
    .MapMeetingEndpoints()
    .MapSupervisionEndpoints()
    .MapSharingEndpoints()
    .MapCaseAuditEndpoints();
app.MapRazorPages();

// Listen (and say where) first; the demo force is seeded after, while pages say it is being prepared.
if (!await app.ListenAsync()) return 1;
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
