using System.Globalization;
using System.Text.Json;
using Safeguard.Core.Records;

namespace Safeguard.Core.Supervision;

/// <summary>Reads the event data the daily management meeting shows: decisions, DASH answers, classifications.</summary>
public static class DmmData
{
    /// <summary><c>decisions[]</c> of a decision event: <c>{text, owner, dueDate?}</c>.</summary>
    public static IEnumerable<(string Text, string? Owner, DateOnly? Due)> Decisions(string data)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(data) ? "{}" : data);
        if (!doc.RootElement.TryGetProperty("decisions", out var list) || list.ValueKind != JsonValueKind.Array) yield break;
        foreach (var d in list.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object).ToList())
        {
            string? S(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            DateOnly? due = DateOnly.TryParseExact(S("dueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            yield return (S("text") ?? "", S("owner"), due);
        }
    }

    /// <summary>Why a DASH is high risk (DA1: enough "yes" answers, or professional judgement), or null when it is not.</summary>
    internal static string? DashHighRisk(string data, int highRiskYes)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(data) ? "{}" : data);
        var d = doc.RootElement;
        int yes = d.TryGetProperty("yesCount", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32()
            : d.TryGetProperty("answers", out var a) && a.ValueKind == JsonValueKind.Object ? a.EnumerateObject().Count(x => x.Value.ValueKind == JsonValueKind.True || x.Value.ValueKind == JsonValueKind.String && x.Value.GetString() == "yes") : 0;
        bool judged = Text(data, "professionalJudgement") == "high";
        if (yes < highRiskYes && !judged) return null;
        return judged && yes < highRiskYes ? "DASH: high risk on professional judgement" : $"DASH: high risk, {yes} questions answered yes";
    }

    /// <summary>An incident's classifications or a PPN's concerns, in words.</summary>
    internal static string Classifications(Event e)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(e.Data) ? "{}" : e.Data);
        var field = e.Type == "ppn" ? "concerns" : "classifications";
        var list = doc.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Replace('-', ' ')).ToList() : [];
        return list.Count == 0 ? "no concerns recorded" : string.Join(", ", list);
    }

    internal static string? Text(string data, string field)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(data) ? "{}" : data);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
