using System.Net;
using Safeguard.Core.Organisation;
using Safeguard.Core.Rules;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Work;

/// <summary>Issue 8 point 2: the worklist and the administrators' pages name teams and people as a practitioner reads
/// them ("North missing persons unit", "Sam Patel"); codes and usernames stay in the API and in a "details" disclosure.</summary>
public sealed class PlainTeamNamesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public PlainTeamNamesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task AddTeamAsync()
    {
        using var db = _factory.Db();
        db.Teams.Add(new Team { Code = "mp-north", Name = "North missing persons unit", BcuCode = "north", Kind = "missing" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_task_assigned_to_a_person_shows_their_name_and_team_name_with_the_codes_only_in_the_details()
    {
        await AddTeamAsync();
        var (status, user) = await _api.PostJsonAsync("/api/v1/users",
            new { username = "sam.patel", displayName = "Sam Patel", role = "officer", team = "mp-north", password = PageSignIn.Password });
        Assert.Equal(HttpStatusCode.Created, status);
        var child = await _api.CreatePersonAsync(A.Child("Rosa", "Teamnames").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=return-interview");
        var taskId = tasks!.AsArray().Single()!["id"]!.GetValue<string>();
        var (assigned, task) = await _api.PostJsonAsync($"/api/v1/tasks/{taskId}/assign", new { user = "sam.patel" });
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, page) = await supervisor.GetAsync("/worklist?Team=all");
        var row = page[page.IndexOf($"id=\"task-{taskId}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var details = row[row.IndexOf("Team code:", StringComparison.Ordinal)..];

        Assert.Equal(HttpStatusCode.OK, assigned);
        Assert.Equal(("mp-north", "sam.patel"), (task!["assignedTo"]!.GetValue<string>(), task["assignedUser"]!.GetValue<string>()));
        Assert.Contains("Sam Patel, North missing persons unit", row);
        Assert.Contains("<code>mp-north</code>", details);
        Assert.Contains("<code>sam.patel</code>", details);
        Assert.DoesNotContain("mp-north", row[..row.IndexOf("Team code:", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task The_administrator_chooses_a_team_by_name_and_sees_its_code_only_in_the_details()
    {
        await AddTeamAsync();
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var form = await admin.FormAsync("/admin/users/new", "Add user");
        var added = await form.Set("Username", "kim.lowe").Set("DisplayName", "Kim Lowe").Set("Role", "officer").Set("Team", "mp-north")
            .Set("Password", "Kim-Lowe-password-1").SubmitAsync();
        var (_, list) = await admin.GetAsync("/admin/users");
        using var db = _factory.Db();
        var id = db.Users.Single(u => u.Username == "kim.lowe").Id;
        var (_, manage) = await admin.GetAsync($"/admin/users/{id}");
        var (_, newPage) = await admin.GetAsync("/admin/users/new");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("<option value=\"mp-north\">North missing persons unit</option>", newPage);
        Assert.DoesNotContain("Team code", newPage);
        Assert.Contains("North missing persons unit", list);
        Assert.DoesNotContain(">mp-north<", list);
        var summary = manage[manage.IndexOf("data-testid=\"user-summary\"", StringComparison.Ordinal)..manage.IndexOf("data-testid=\"user-codes\"", StringComparison.Ordinal)];
        Assert.Contains("North missing persons unit", summary);
        Assert.DoesNotContain("mp-north", summary);
        Assert.Contains("<code>mp-north</code>", manage);
    }

    [Theory]
    [InlineData("control-room", "Control room")]
    [InlineData("supervisor", "Supervisors")]
    [InlineData("supervisor:missing-persons", "Supervisors of the Missing persons unit")]
    [InlineData("offender-manager", "Offender manager")]
    public void An_audience_reads_as_words(string audience, string words) => Assert.Equal(words, Audiences.Describe(audience));

    [Theory]
    [InlineData("rule:MI5-repeat-missing", "Safeguard's rule")]
    [InlineData("client:cms", "the cms system")]
    [InlineData("system:demo", "the demo data")]
    public void An_actor_id_reads_as_words_without_a_lookup(string actorId, string starts) => Assert.StartsWith(starts, ActorNames.Describe(actorId));

    [Fact]
    public async Task A_user_is_named_by_their_display_name_with_and_without_their_role()
    {
        await _factory.AddUserAsync("lee.cole", "control-room", PageSignIn.Password);
        using var db = _factory.Db();
        var names = new ActorNames(db);

        var described = await names.DescribeAsync("user:lee.cole");
        var listed = await names.NamesAsync(["user:lee.cole", "user:gone"]);

        Assert.Equal("Test lee.cole (Control room)", described);
        Assert.Equal("Test lee.cole", listed["user:lee.cole"]);
        Assert.Equal("the user gone", listed["user:gone"]);
    }

    [Fact]
    public async Task A_token_issued_for_a_team_names_the_team_on_the_issue_page_and_the_list_not_its_code()
    {
        await AddTeamAsync();
        var admin = await PageSignIn.AsAsync(_factory, Roles.Administrator);

        var issued = await admin.SubmitAsync("/admin/clients/new", "Issue token",
            [new("Name", "missing-person-app"), new("Role", Roles.Officer), new("Team", "mp-north")]);
        var panel = await issued.Content.ReadAsStringAsync();
        var (_, list) = await admin.GetAsync("/admin/clients");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("North missing persons unit", panel);
        var row = System.Text.RegularExpressions.Regex.Match(list, "<tr[^>]*>(?:(?!</tr>).)*missing-person-app(?:(?!</tr>).)*</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("North missing persons unit", row);
        Assert.DoesNotContain("mp-north", row);
    }
}
