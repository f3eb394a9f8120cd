using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Schools;

/// <summary>DA4, H2 through the API: schools and term dates kept by administrators, and an Operation Encompass deadline that
/// follows the child's school's term dates rather than working days.</summary>
public sealed class SchoolApiTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SchoolApiTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task HillsideWithTermsAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await _api.PostJsonAsync("/api/v1/schools", new
        {
            code = "NM-HILL", name = "Hillside Primary School", localAuthority = "Northmoor Borough Council", keyAdultName = "Mrs Ngozi Adeyemi",
            keyAdultContact = "dsl@hillside.example.org",
        })).Status);
        foreach (var (name, start, end) in new[] { ("Spring first half", "2026-01-05", "2026-02-13"), ("Spring second half", "2026-02-23", "2026-03-27") })
            Assert.Equal(HttpStatusCode.Created, (await _api.PostJsonAsync("/api/v1/school-terms",
                new { localAuthority = "Northmoor Borough Council", name, startDate = start, endDate = end })).Status);
    }

    private async Task<DateTimeOffset> EncompassDueAsync(string id, string at)
    {
        var child = await _api.CreatePersonAsync(new { forename = "Imani", surname = "Termchild", dateOfBirth = "2017-01-10" });
        var recorded = await _api.RecordAsync(new
        {
            id, type = "incident", occurredAt = at, people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                classifications = new[] { "domestic-abuse" }, summary = "Argument between the parents; the child was upstairs", riskGrade = "medium",
                children = new[] { new { personId = child, seenAndSpokenTo = true, demeanour = "Quiet, holding her brother's hand", school = "NM-HILL" } },
            },
        });
        var task = recorded["outputs"]!["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "operation-encompass")!;
        Assert.Contains("Hillside Primary School", task["reason"]!["explanation"]!.GetValue<string>());
        return task["dueAt"]!.GetValue<DateTimeOffset>();
    }

    [Fact]
    public async Task An_incident_on_the_friday_before_half_term_gives_the_school_until_the_first_morning_back()
    {
        await HillsideWithTermsAsync();
        Assert.Equal(new DateTimeOffset(2026, 2, 23, 8, 30, 0, TimeSpan.Zero), await EncompassDueAsync("inc-ht", "2026-02-13T21:00:00Z"));
    }

    [Fact]
    public async Task Without_term_dates_every_working_day_counts_as_a_school_day()
    {
        await _api.PostJsonAsync("/api/v1/schools", new
        {
            code = "NM-HILL", name = "Hillside Primary School", localAuthority = "Northmoor Borough Council", keyAdultName = "Mrs Ngozi Adeyemi",
            keyAdultContact = "dsl@hillside.example.org",
        });
        Assert.Equal(new DateTimeOffset(2026, 2, 16, 8, 30, 0, TimeSpan.Zero), await EncompassDueAsync("inc-wd", "2026-02-13T21:00:00Z"));
    }

    [Fact]
    public async Task Recording_the_notification_names_the_school_and_key_adult_and_closes_the_task()
    {
        await HillsideWithTermsAsync();
        var child = await _api.CreatePersonAsync(new { forename = "Kofi", surname = "Toldchild", dateOfBirth = "2015-06-01" });
        await _api.RecordAsync(new
        {
            id = "inc-told", type = "incident", occurredAt = "2026-02-26T20:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                classifications = new[] { "domestic-abuse" }, riskGrade = "standard",
                children = new[] { new { personId = child, seenAndSpokenTo = true, demeanour = "Calm", school = "NM-HILL" } },
            },
        });
        await _api.RecordAsync(new
        {
            id = "oe-told", type = "operation-encompass", occurredAt = "2026-02-27T08:10:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { school = "NM-HILL", notifiedAt = "2026-02-27T08:10:00Z", keyAdult = "Mrs Ngozi Adeyemi", method = "telephone", incidentEventId = "inc-told" },
        });
        var (_, done) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=operation-encompass&status=done");
        Assert.Single(done!.AsArray());
    }

    [Fact]
    public async Task Only_administrators_change_schools_and_bad_input_changes_nothing()
    {
        var officer = await _factory.ApiAsAsync("officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync("/api/v1/schools", new { code = "X1", name = "X" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetJsonAsync("/api/v1/schools")).Status);

        var (status, problem) = await _api.PostJsonAsync("/api/v1/schools", new { code = "has space", name = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["code", "keyAdultContact", "keyAdultName", "localAuthority", "name"], problem!["errors"]!.AsObject().Select(e => e.Key).Order());

        await HillsideWithTermsAsync();
        var (again, exists) = await _api.PostJsonAsync("/api/v1/schools", new
        {
            code = "NM-HILL", name = "Another", localAuthority = "Northmoor Borough Council", keyAdultName = "A", keyAdultContact = "B",
        });
        Assert.Equal((HttpStatusCode.Conflict, "school-exists"), (again, exists!["code"]!.GetValue<string>()));

        var (overlapStatus, overlap) = await _api.PostJsonAsync("/api/v1/school-terms",
            new { localAuthority = "northmoor borough council ", name = "Clash", startDate = "2026-02-10", endDate = "2026-02-20" });
        Assert.Equal((HttpStatusCode.Conflict, "school-term-overlaps"), (overlapStatus, overlap!["code"]!.GetValue<string>()));
        var (backwards, _) = await _api.PostJsonAsync("/api/v1/school-terms",
            new { localAuthority = "Northmoor Borough Council", name = "Backwards", startDate = "2026-05-10", endDate = "2026-04-20" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards);
        using var db = _factory.Db();
        Assert.Equal(2, await db.SchoolTerms.CountAsync());
    }

    [Fact]
    public async Task A_school_changed_from_an_older_version_is_refused()
    {
        await HillsideWithTermsAsync();
        var change = new { name = "Hillside Primary School", localAuthority = "Northmoor Borough Council", keyAdultName = "Mr Tomasz Wójcik", keyAdultContact = "01632 960 222", expectedVersion = 1 };
        Assert.Equal(HttpStatusCode.OK, (await _api.PutJsonAsync("/api/v1/schools/NM-HILL", change)).Status);
        var (status, problem) = await _api.PutJsonAsync("/api/v1/schools/NM-HILL", change);
        Assert.Equal((HttpStatusCode.Conflict, "stale-version"), (status, problem!["code"]!.GetValue<string>()));
        var (_, school) = await _api.GetJsonAsync("/api/v1/schools/NM-HILL");
        Assert.Equal(("Mr Tomasz Wójcik", 2), (school!["keyAdultName"]!.GetValue<string>(), school["version"]!.GetValue<int>()));
    }
}
