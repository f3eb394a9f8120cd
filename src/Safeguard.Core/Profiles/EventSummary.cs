using System.Text.Json;

namespace Safeguard.Core.Profiles;

/// <summary>One line saying what an event was about, for chronologies and timelines.</summary>
public static class EventSummary
{
    public static string Of(string type, string data)
    {
        using var doc = JsonDocument.Parse(data);
        var d = doc.RootElement;
        string? S(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string L(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? string.Join(", ", v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => EventDetails.Phrase(x.GetString()!))) : "";
        string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

        return type switch
        {
            "ppn" => Join(L("concerns"), S("riskGrade") is { } g ? $"risk {g}" : null, d.TryGetProperty("referredToSocialCare", out var r) && r.ValueKind == JsonValueKind.True ? "referred to social care" : "not referred"),
            "incident" => Join(L("classifications"), S("riskGrade") is { } g ? $"risk {g}" : null, Truncate(S("summary"))),
            "missing-reported" => Join($"risk {S("riskGrade")}", S("reportedBy") is { } by ? $"reported by {EventDetails.Phrase(by)}" : null, S("lastSeenLocation") is { } l ? $"last seen {l}" : null),
            "missing-located" => Join(S("foundLocation") is { } f ? $"found at {f}" : "found"),
            "cse-screening" => Join(L("indicators") is { Length: > 0 } i ? $"indicators: {i}" : "no indicators"),
            "strategy-discussion" => Join(L("agencies"), d.TryGetProperty("section47", out var s47) && s47.ValueKind == JsonValueKind.True ? "s47 enquiries" : null),
            "meeting" => Join(S("kind") is { } mk ? EventDetails.Phrase(mk) : null,
                d.TryGetProperty("policeAttended", out var pa) && pa.ValueKind == JsonValueKind.True ? "police attended" : "police did not attend",
                S("planCategory") is { } plan ? $"plan: {EventDetails.Phrase(plan)}" : null),
            "meeting-action-done" => Join(d.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? $"action {n.GetRawText()} done" : null, Truncate(S("note"))),
            "dmm-decision" => Join(d.TryGetProperty("decisions", out var ds) && ds.ValueKind == JsonValueKind.Array
                ? string.Join("; ", ds.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    .Select(x => Truncate(x.GetProperty("text").GetString()))) : null),
            "referral" => Join(S("kind"), S("from") is { } from ? $"from {from}" : null, S("to") is { } to ? $"to {to}" : null),
            "referral-response" => Join(S("outcome"), Truncate(S("reason"))),
            "mash-screening" => Join(S("decision")?.Replace('-', ' '), Truncate(S("rationale"))),
            "referral-closed" or "assessment-completed" => Join(Truncate(S("reason") ?? S("outcome"))),
            "operation-encompass" => Join(S("school") is { } school ? $"school {school}" : null, S("keyAdult") is { } adult ? $"told {adult}" : null),
            "outcome-recorded" or "investigation-closed" => Join(Truncate(S("outcomeForChild"))),
            "relationship" => Join(S("kind")),
            "return-interview" => Join(S("byAgency"), d.TryGetProperty("declined", out var dec) && dec.ValueKind == JsonValueKind.True ? "declined" : null),
            "offender-registered" or "offender-plan" => Join(S("riskLevel") is { } rl ? $"{rl.Replace('-', ' ')} risk" : null,
                S("offenderManager") is { } om ? $"offender manager {om}" : null, d.TryGetProperty("visitMonths", out var vm) && vm.ValueKind == JsonValueKind.Number ? $"visits every {vm.GetRawText()} months" : null,
                Truncate(S("summary"))),
            "offender-notification" => Join(S("kind") is { } k ? $"{k.Replace('-', ' ')} notification" : null, d.TryGetProperty("noFixedAbode", out var nfa) && nfa.ValueKind == JsonValueKind.True ? "no fixed abode" : null, Truncate(S("notes"))),
            "offender-visit" or "offender-contact-with-child" or "offender-briefing-acknowledged" => Join(Truncate(S("notes"))),
            "offender-briefing" => Join(S("team") is { } t ? $"to {t}" : null, Truncate(S("summary"))),
            "offender-sighting" => Join(S("kind") == "contact" ? "spoken with" : "seen", S("location") is { } loc ? $"at {loc}" : null, Truncate(S("notes"))),
            "offender-address-link" => Join(S("address"), S("postcode")),
            _ => "",
        };
    }

    private static string? Truncate(string? s) => s is { Length: > 120 } ? s[..117] + "..." : s;
}
