using System.Text.Json;
using Safeguard.Core.Cases;
using Safeguard.Core.Meetings;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>A meeting case read for a page: its fields in words and its actions with when each was done.</summary>
public sealed class MeetingView(CaseView c, Func<string?, string> name)
{
    public CaseView Case { get; } = c;
    private JsonElement F => Case.Fields;

    public string Kind => Str("kind") ?? "";
    public string KindName => MeetingTerms.Kind(Kind);
    public bool IsStrategyDiscussion => Kind == MeetingTerms.StrategyDiscussion;
    public IReadOnlyList<string> Agencies => List("agencies").Select(a => name(a)).ToList();
    public IReadOnlyList<string> AttendedAgencies => List("attendedAgencies").Select(a => name(a)).ToList();
    public bool? Section47 => Bool("section47");
    public bool? PoliceAttended => Bool("policeAttended");
    public bool PoliceInvited => Bool("policeInvited") == true;
    public string? PoliceAttendee => Str("policeAttendee");
    public string? PoliceRank => Str("policeAttendeeRank");
    public string? PlanCategory => Str("planCategory");
    public string Owner(string? code) => name(code);

    /// <summary>When and with what note each done action was done, by number.</summary>
    public IReadOnlyDictionary<int, (DateTimeOffset At, string? Note, string EventId)> Done
    {
        get
        {
            var result = new Dictionary<int, (DateTimeOffset, string?, string)>();
            if (!F.TryGetProperty("actionsDone", out var list) || list.ValueKind != JsonValueKind.Array) return result;
            foreach (var d in list.EnumerateArray())
                result[d.GetProperty("number").GetInt32()] = (d.GetProperty("doneAt").GetDateTimeOffset(),
                    d.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null, d.GetProperty("eventId").GetString() ?? "");
            return result;
        }
    }

    public string PoliceWords => PoliceAttended switch
    {
        true when PoliceAttendee is not null || PoliceRank is not null =>
            "Yes: " + string.Join(", ", new[] { PoliceAttendee, PoliceRank is null ? null : MeetingTerms.Rank(PoliceRank) }.Where(x => x is not null)),
        true => "Yes",
        false => PoliceInvited ? "No, although invited" : "No",
        _ => "Not recorded",
    };

    private string? Str(string n) => F.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    private bool? Bool(string n) => F.TryGetProperty(n, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;
    private IReadOnlyList<string> List(string n) => F.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
}
