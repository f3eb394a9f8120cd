using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>People: create (offering likely existing records), search, read, correct, and the profile.</summary>
public static class PeopleEndpoints
{
    public sealed record SearchResult(Guid Id, string Forename, string Surname, DateOnly? DateOfBirth, string? Postcode, double Score,
        IReadOnlyList<string> Reasons, IReadOnlyList<FlagTag> Flags);

    /// <summary>The search's page size when none is given: the 50 the search always answered with before it was paged.</summary>
    public const int DefaultSearchPageSize = 50;
    public const int MaxSearchPageSize = 200;

    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");

        people.MapPost("/", async (HttpContext http, PeopleService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var created = await service.CreateAsync(http.User.ToActor(), ReadPerson(body), http.RequestAborted);
            var answer = new
            {
                id = created.Person.Id,
                possibleMatches = created.PossibleMatches.Select(m => new { personId = m.PersonId, name = m.Name, dateOfBirth = m.DateOfBirth, score = m.Score, reasons = m.Reasons }),
            };
            return created.AlreadyExisted ? Results.Ok(answer) : Results.Created($"/api/v1/people/{created.Person.Id}", answer);
        }).WithSummary("Create a person; answers with likely existing records (D2). The same sourceRef again returns the existing person (200).");

        people.MapGet("/", async (HttpContext http, PeopleFinder finder, SafeguardDb db, string? name, string? dateOfBirth, string? postcode,
            int? page, int? pageSize) =>
        {
            var actor = http.User.ToActor();
            if (name is { Length: > 200 }) throw new ProblemException(Core.Problems.Problems.Invalid("name", "must be 200 characters or fewer"));
            if (!string.IsNullOrWhiteSpace(dateOfBirth) && DateOfBirthQuery.Parse(dateOfBirth) is null)
                throw new ProblemException(Core.Problems.Problems.Invalid("dateOfBirth", "must be a date of birth like 2014-05-06, 2014-05 or 2014"));
            if (page is < 1) throw new ProblemException(Core.Problems.Problems.Invalid("page", "must be 1 or more"));
            if (pageSize is < 1 or > MaxSearchPageSize)
                throw new ProblemException(Core.Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxSearchPageSize}"));
            var (hits, total) = await finder.FindPageAsync(actor, new PersonQuery(name, dateOfBirth, postcode), page ?? 1, pageSize ?? DefaultSearchPageSize,
                "api", http.RequestAborted);
            var ids = hits.Select(h => h.Person.Id).ToList();
            var flags = (await db.Flags.Where(f => ids.Contains(f.PersonId)).ToListAsync(http.RequestAborted)).ToLookup(f => f.PersonId);
            http.Response.Headers[WorkEndpoints.TotalHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(hits.Select(h => new SearchResult(h.Person.Id, h.Person.Forename, h.Person.Surname, h.Person.DateOfBirth, h.Person.Postcode,
                h.Score, h.Reasons, FlagViews.Tags(flags[h.Person.Id]))));
        }).WithSummary("Search people by name (spelling variants, nicknames, transposed names), partial date of birth and postcode; likeliest first, with flags. "
            + "page (from 1), pageSize (1-200, default 50); the true number found is in the X-Total-Count header.");

        people.MapGet("/{id:guid}", async (Guid id, HttpContext http, PersonAccess access, AuditLog audit, TimeProvider clock) =>
        {
            var actor = http.User.ToActor();
            var person = await access.GetVisibleAsync(actor, id, http.RequestAborted);
            await audit.RecordNowAsync(actor, AuditActions.View, "person", id.ToString(), id, ct: http.RequestAborted);
            return Results.Ok(ProfileBuilder.ToView(person, Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow())));
        }).WithSummary("A person's details.");

        people.MapPost("/{id:guid}/corrections", async (Guid id, HttpContext http, PeopleService service, TimeProvider clock) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var given = body.EnumerateObject().Select(p => p.Name).ToHashSet();
            var expectedVersion = body.ExpectedVersion();
            var person = await service.CorrectAsync(http.User.ToActor(), id, ReadPerson(body), given, body.Str("reason") ?? "", expectedVersion, http.RequestAborted);
            return Results.Ok(ProfileBuilder.ToView(person, Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow())));
        }).WithSummary("Correct a person's details: {reason, expectedVersion, forename?, surname?, dateOfBirth?, gender?, aliases?, address?}; fields not sent stay as they are. " +
            "The old version stays readable with who, when and why (A3). A stale expectedVersion: 409 stale-version.");

        people.MapGet("/{id:guid}/versions", async (Guid id, HttpContext http, PeopleService service) =>
            Results.Ok(await service.VersionsAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("Every version of a person's details, oldest first: who made it, when and why (null for the first, created version), and the details.");

        people.MapGet("/{id:guid}/profile", async (Guid id, HttpContext http, ProfileBuilder profiles, string? asOf, string? reason) =>
        {
            DateTimeOffset? at = null;
            if (asOf is not null)
            {
                if (!Core.Recording.FieldKind.TryInstant(asOf, out var parsed))
                    throw new ProblemException(Core.Problems.Problems.Invalid("asOf", "must be an instant with an offset, e.g. 2026-03-01T21:14:00Z"));
                at = parsed.ToUniversalTime();
            }
            return Results.Ok(await profiles.BuildAsync(http.User.ToActor(), id, at, reason, http.RequestAborted));
        }).WithSummary("The person's whole picture now, or as it stood at asOf (event time).");

        return api;
    }

    private static PersonInput ReadPerson(JsonElement body)
    {
        var address = body.Obj("address");
        var source = body.Obj("sourceRef");
        return new PersonInput(body.Str("forename"), body.Str("surname"), body.Str("dateOfBirth"), body.Str("gender"), body.StrList("aliases"),
            address?.Str("line1"), address?.Str("town"), address?.Str("postcode"), source?.Str("system"), source?.Str("id"));
    }
}
