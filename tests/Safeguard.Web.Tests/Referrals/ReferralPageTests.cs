using System.Net;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>J2, J3 and DA4 through the pages, as officers and administrators use them: making a referral, the MASH screening
/// with each agency's contribution, an answer that declines without a reason refused, telling a school, and term dates.</summary>
public sealed class ReferralPageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ReferralPageTests()
    {
        _api = _factory.Api();
        using var db = _factory.Db();
        db.Organisations.Add(new PartnerOrganisation { Code = "LA-NMR", Name = "Northmoor children's social care", Kind = "social-care", LocalAuthority = "Northmoor Borough Council" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_officer_refers_a_child_to_the_mash_and_the_mash_records_its_screening_with_each_agencys_contribution()
    {
        var child = await _api.CreatePersonAsync(new { forename = "Ifeoma", surname = "Pagereferral", dateOfBirth = "2014-07-07" });
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var made = await officer.RecordAsync($"/referrals/make?personId={child}", [
            new("Direction", "sent"), new("Partner", "LA-NMR"), new("Kind", "mash"), new("Reason", "Ifeoma told her teacher she is afraid to go home"),
        ], accept: "Record referral");
        Assert.Equal("/record/confirmation", made.Headers.Location!.OriginalString);
        var (_, confirmation) = await officer.GetAsync("/record/confirmation");
        Assert.Contains("Referral made", confirmation);
        Assert.Contains("MASH screening decision", confirmation);

        var (_, list) = await _api.GetJsonAsync("/api/v1/referrals?state=open");
        var id = list!["items"]![0]!["id"]!.GetValue<string>();
        var screened = await officer.RecordAsync($"/referrals/{id}/screening", [
            new("Decision", "strategy-discussion"), new("Rationale", "Disclosure of fear of a parent"),
            new("Agency[0]", "Police"), new("Information[0]", "Two domestic abuse call-outs to the address this year"),
            new("Agency[1]", "Education"), new("Information[1]", "Attendance has fallen to 78%"),
        ], accept: "Record decision");
        Assert.Equal("/record/confirmation", screened.Headers.Location!.OriginalString);
        Assert.Contains("MASH screening decision recorded", (await officer.GetAsync("/record/confirmation")).Html);

        var (_, referral) = await _api.GetJsonAsync($"/api/v1/referrals/{id}");
        Assert.Equal("screened", referral!["status"]!.GetValue<string>());
        Assert.Equal(["Police", "Education"], referral["contributions"]!.AsArray().Select(c => c!["agency"]!.GetValue<string>()));
        Assert.NotNull(referral["assessmentDueAt"]);
    }

    [Fact]
    public async Task A_screening_without_any_agencys_contribution_is_refused_at_the_field()
    {
        var child = await _api.CreatePersonAsync(new { forename = "Jonah", surname = "Pagereferral", dateOfBirth = "2014-07-07" });
        await _api.RecordAsync(new
        {
            id = "ref-page", type = "referral", occurredAt = "2026-03-02T08:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { to = "LA-NMR", kind = "social-care", reason = "Neglect" },
        });
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var refused = await officer.ContinueAsync("/referrals/ref-page/screening", [
            new("Decision", "assessment"), new("Rationale", "Neglect"),
            new("Information[0]", ""), new("Information[1]", ""), new("Information[2]", ""), new("Information[3]", ""),
        ]);
        Assert.False(await refused.IsCheckPageAsync());
        Assert.Contains("Record at least one agency", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Declining_on_the_referral_page_without_a_reason_shows_the_refusal_and_records_nothing()
    {
        var child = await _api.CreatePersonAsync(new { forename = "Kasia", surname = "Pagereferral", dateOfBirth = "2012-01-02" });
        await _api.RecordAsync(new
        {
            id = "ref-dec", type = "referral", occurredAt = "2026-03-02T08:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { to = "LA-NMR", kind = "health", reason = "Missed health appointments" },
        });
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var response = await officer.SubmitAsync("/referrals/ref-dec", "Record the answer", [new("Outcome", "declined"), new("ResponseReason", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why the referral is declined", await response.Content.ReadAsStringAsync());
        var (_, referral) = await _api.GetJsonAsync("/api/v1/referrals/ref-dec");
        Assert.Equal("awaiting-response", referral!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_officer_records_telling_the_school_and_the_board_shows_it_sent_with_the_key_adult()
    {
        await _api.PostJsonAsync("/api/v1/schools", new
        {
            code = "NM-HILL", name = "Hillside Primary School", localAuthority = "Northmoor Borough Council", keyAdultName = "Mrs Ngozi Adeyemi",
            keyAdultContact = "dsl@hillside.example.org",
        });
        var child = await _api.CreatePersonAsync(new { forename = "Lwazi", surname = "Pageschool", dateOfBirth = "2016-02-02" });
        await _api.RecordAsync(new
        {
            id = "inc-page", type = "incident", occurredAt = "2026-03-01T20:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                classifications = new[] { "domestic-abuse" }, riskGrade = "medium",
                children = new[] { new { personId = child, seenAndSpokenTo = true, demeanour = "Tearful", school = "NM-HILL" } },
            },
        });
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var (_, board) = await officer.GetAsync("/operation-encompass");
        Assert.Contains("Lwazi Pageschool", board);

        var told = await officer.RecordAsync($"/operation-encompass/notify?personId={child}&incident=inc-page", [
            new("School", "NM-HILL"), new("KeyAdult", ""), new("Method", "secure-email"),
        ], accept: "Record notification");
        Assert.Equal("/record/confirmation", told.Headers.Location!.OriginalString);
        Assert.Contains("Hillside Primary School told through Mrs Ngozi Adeyemi", (await officer.GetAsync("/record/confirmation")).Html);
        var (_, after) = await officer.GetAsync("/operation-encompass");
        var sent = after[after.IndexOf("encompass-sent", StringComparison.Ordinal)..];
        Assert.Contains("Lwazi Pageschool", sent);
        Assert.Contains("Mrs Ngozi Adeyemi", sent);
    }

    [Fact]
    public async Task An_administrator_adding_an_overlapping_term_is_told_which_term_it_overlaps()
    {
        await _api.PostJsonAsync("/api/v1/school-terms", new { localAuthority = "Northmoor Borough Council", name = "Spring first half", startDate = "2026-01-05", endDate = "2026-02-13" });
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var response = await admin.SubmitAsync("/admin/school-terms", "Add term", [
            new("LocalAuthority", "Northmoor Borough Council"), new("Name", "Clash"),
            new("StartDate.Day", "9"), new("StartDate.Month", "2"), new("StartDate.Year", "2026"),
            new("EndDate.Day", "20"), new("EndDate.Month", "2"), new("EndDate.Year", "2026"),
        ]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("These dates overlap Spring first half", html);
        var (_, terms) = await _api.GetJsonAsync("/api/v1/school-terms");
        Assert.Single(terms!.AsArray());
    }

    private static async Task<IReadOnlyList<IReadOnlyList<string>>> DownloadAsync(PageSignIn session, string path)
    {
        var response = await session.Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await Exports.Workbook.RowsAsync(response);
    }

    private List<Guid?> ExportedPeople(string list)
    {
        using var db = _factory.Db();
        return db.Audit.Where(a => a.Action == Core.AccessLog.AuditActions.Export && a.Entity == list).Select(a => a.PersonId).ToList();
    }

    [Fact]
    public async Task The_referrals_list_downloads_as_filtered_with_partner_names_and_the_export_is_logged_for_each_child_in_it()
    {
        var sent = await _api.CreatePersonAsync(new { forename = "Zoë", surname = "Referralexport", dateOfBirth = "2014-01-01" });
        var closed = await _api.CreatePersonAsync(new { forename = "Pavel", surname = "Referralexport", dateOfBirth = "2013-01-01" });
        await _api.RecordAsync(new
        {
            id = "ref-export-open", type = "referral", occurredAt = "2026-03-02T08:00:00Z", people = new[] { new { personId = sent, role = "child" } },
            data = new { to = "LA-NMR", kind = "social-care", reason = "Bruising seen at school" },
        });
        await _api.RecordAsync(new
        {
            id = "ref-export-closed", type = "referral", occurredAt = "2026-02-20T08:00:00Z", people = new[] { new { personId = closed, role = "child" } },
            data = new { to = "LA-NMR", kind = "health", reason = "Missed appointments" },
        });
        await _api.RecordAsync(new
        {
            id = "ref-export-answer", type = "referral-response", occurredAt = "2026-02-21T08:00:00Z", people = new[] { new { personId = closed, role = "child" } },
            data = new { referralEventId = "ref-export-closed", outcome = "declined", reason = "Already known to health visiting" },
        });
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (_, page) = await officer.GetAsync("/referrals?state=open");
        var csv = await DownloadAsync(officer, "/referrals?state=open&handler=Export&format=csv");
        var xlsx = await DownloadAsync(officer, "/referrals?state=&handler=Export&format=xlsx");

        Assert.Contains("/referrals?state=open&amp;handler=Export&amp;format=csv", page);
        var row = Assert.Single(csv.Skip(1));
        Assert.Equal(("Zoë Referralexport", "Sent", "Northmoor children's social care", "Children's social care"), (row[0], row[1], row[2], row[3]));
        Assert.Equal(["Pavel Referralexport", "Zoë Referralexport"], xlsx.Skip(1).Select(r => r[0]).Order());
        Assert.Contains(Guid.Parse(sent), ExportedPeople("referrals"));
        Assert.Equal(1, ExportedPeople("referrals").Count(p => p == Guid.Parse(closed)));
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.Client.GetAsync("/referrals?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_operation_encompass_board_downloads_with_the_school_and_key_adult_and_the_export_is_logged_for_the_child()
    {
        await _api.PostJsonAsync("/api/v1/schools", new
        {
            code = "NM-OAK", name = "Oakfield Primary School", localAuthority = "Northmoor Borough Council", keyAdultName = "Mr Tomasz Wójcik",
            keyAdultContact = "dsl@oakfield.example.org",
        });
        var child = await _api.CreatePersonAsync(new { forename = "Amélie", surname = "Encompassexport", dateOfBirth = "2016-02-02" });
        await _api.RecordAsync(new
        {
            id = "inc-export", type = "incident", occurredAt = "2026-03-01T20:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                classifications = new[] { "domestic-abuse" }, riskGrade = "medium",
                children = new[] { new { personId = child, seenAndSpokenTo = true, demeanour = "Quiet", school = "NM-OAK" } },
            },
        });
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (_, board) = await officer.GetAsync("/operation-encompass");
        var waiting = await DownloadAsync(officer, "/operation-encompass?handler=Export&format=csv");
        await officer.RecordAsync($"/operation-encompass/notify?personId={child}&incident=inc-export", [
            new("School", "NM-OAK"), new("KeyAdult", ""), new("Method", "secure-email"),
        ], accept: "Record notification");
        var told = await DownloadAsync(officer, "/operation-encompass?handler=Export&format=xlsx");

        Assert.Contains("/operation-encompass?handler=Export&amp;format=xlsx", board);
        var before = Assert.Single(waiting.Skip(1));
        Assert.Equal("Amélie Encompassexport", before[0]);
        Assert.Contains(before[1], new[] { "Not sent", "Overdue" });
        Assert.Equal("", before[3]);
        var after = Assert.Single(told.Skip(1));
        Assert.Equal(("Amélie Encompassexport", "Sent", "Oakfield Primary School", "Mr Tomasz Wójcik"), (after[0], after[1], after[3], after[4]));
        Assert.Equal(2, ExportedPeople("operation-encompass").Count(p => p == Guid.Parse(child)));
    }
}
