using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Offenders;

/// <summary>Recording offender management through the API, as a partner system or the pages would.</summary>
internal static class OffenderApi
{
    public static Task<string> PersonAtAsync(this HttpClient api, string forename, string surname, int age, string line1, string postcode) =>
        api.CreatePersonAsync(new
        {
            forename, surname, dateOfBirth = A.Today.AddYears(-age).AddDays(-40).ToString("yyyy-MM-dd"),
            address = new { line1, town = "Plymouth", postcode },
        });

    public static Task<JsonNode> RegisterAsync(this HttpClient api, string id, string offender, string at, string risk = "high",
        string manager = "user:om-jones", string unit = "N-DOU", object? address = null, int? visitMonths = null) =>
        api.RecordAsync(new
        {
            id, type = "offender-registered", occurredAt = at, unit,
            people = new[] { new { personId = offender, role = "offender" } },
            data = new Dictionary<string, object?>
            {
                ["riskLevel"] = risk, ["mappaCategory"] = 1, ["mappaLevel"] = 1, ["offenderManager"] = manager, ["address"] = address, ["visitMonths"] = visitMonths,
            }.Where(kv => kv.Value is not null).ToDictionary(),
        });

    public static Task<JsonNode> OffenderEventAsync(this HttpClient api, string id, string type, string at, object data, params (string Person, string Role)[] people) =>
        api.RecordAsync(new
        {
            id, type, occurredAt = at,
            people = people.Select(p => new { personId = p.Person, role = p.Role }).ToArray(),
            data,
        });

    public static IEnumerable<string> Codes(this JsonNode? list) => list!.AsArray().Select(x => x!["code"]!.GetValue<string>());
}
