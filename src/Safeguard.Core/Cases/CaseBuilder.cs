using System.Globalization;
using System.Text.Json;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Missing;
using Safeguard.Core.Rules.Referrals;

namespace Safeguard.Core.Cases;

/// <summary>Works out the cases of one stream from its events (pure, deterministic: the same events in any
/// order give the same cases, so projecting as events arrive and rebuilding from the log agree).</summary>
public static partial class CaseBuilder
{
    public static IReadOnlyList<CaseState> Build(string stream, IEnumerable<CaseSource> sources)
    {
        var events = sources.Where(s => CaseStreams.Of(s.Event).Contains(stream))
            .OrderBy(s => s.Event, ChronologyEvent.Order).ToList();
        if (events.Count == 0) return [];
        var (type, key) = CaseStreams.Parse(stream);
        return type switch
        {
            CaseTypes.MissingEpisode => MissingEpisodeCase(stream, key, events),
            CaseTypes.Investigation => [Investigation(stream, key, events)],
            CaseTypes.Custody => [Custody(stream, key, events)],
            CaseTypes.Referral => Referral(stream, key, events),
            CaseTypes.Meeting => Meeting(stream, key, events),
            CaseTypes.PoliceProtection => PoliceProtection(stream, Guid.Parse(key), events),
            CaseTypes.Offender => Offender(stream, events),
            CaseTypes.Marac => Marac(stream, Guid.Parse(key), events),
            CaseTypes.ForensicRequest => ForensicRequest(stream, key, events),
            CaseTypes.ChargingFile => ChargingFile(stream, key, events),
            _ => [],
        };
    }

    private static IReadOnlyList<CaseState> MissingEpisodeCase(string stream, string reportId, List<CaseSource> events)
    {
        var report = events.FirstOrDefault(s => s.Event.Id == reportId && s.Event.Type == "missing-reported");
        if (report is null) return [];
        var child = report.Event.PeopleInRole("child").FirstOrDefault(report.Event.People[0].PersonId);
        var episode = MissingEpisodes.All(events.Select(s => s.Event), child).Single(e => e.Id == reportId);
        var fields = new Dictionary<string, object?>
        {
            ["childId"] = child, ["riskGrade"] = episode.RiskGrade, ["reportedBy"] = episode.ReportedBy, ["lookedAfter"] = episode.LookedAfter,
            ["lastSeenAt"] = episode.LastSeenAt, ["lastSeenLocation"] = episode.LastSeenLocation, ["locatedAt"] = episode.LocatedAt,
            ["foundLocation"] = episode.FoundLocation, ["foundWith"] = episode.FoundWithPeople, ["foundWithNames"] = episode.FoundWithNames,
            ["safeAndWellCheckEventId"] = episode.SafeAndWellCheck?.Id, ["returnInterview"] = episode.ReturnInterview,
        };
        var mine = events.Where(s => episode.EventIds.Contains(s.Event.Id)).ToList();
        return [new(CaseTypes.MissingEpisode, reportId, stream, episode.Status, episode.ReportedAt, episode.ClosedAt, report.Unit,
            People(mine), episode.EventIds, fields, [])];
    }

    /// <summary>A referral (J2, J3) through its life: <see cref="ReferralLife"/> says its status and times.</summary>
    private static IReadOnlyList<CaseState> Referral(string stream, string referralId, List<CaseSource> events)
    {
        var referral = events.FirstOrDefault(s => s.Event.Id == referralId && s.Event.Type == "referral");
        if (referral is null) return [];
        var r = referral.Event;
        var life = ReferralLife.Of(r, events.Select(s => s.Event));
        var response = life.Response;
        var fields = new Dictionary<string, object?>
        {
            ["to"] = r.Text("to"), ["kind"] = r.Text("kind"), ["reason"] = r.Text("reason"),
            ["outcome"] = response?.Text("outcome"), ["respondedAt"] = response?.OccurredAt, ["responseReason"] = response?.Text("reason"),
            ["from"] = life.From, ["receivedAt"] = life.Received?.OccurredAt,
            ["responseMinutes"] = life.ResponseTime is { } t ? (long)t.TotalMinutes : null,
            ["screenedAt"] = life.Screening?.OccurredAt, ["screeningDecision"] = life.ScreeningDecision,
            ["screeningRationale"] = life.Screening?.Text("rationale"), ["contributions"] = Contributions(life.Screening),
            ["assessmentCompletedAt"] = life.Assessment?.OccurredAt, ["closedAt"] = life.Closed?.OccurredAt, ["closeReason"] = life.Closed?.Text("reason"),
        };
        return [new(CaseTypes.Referral, referralId, stream, life.Status, r.OccurredAt, life.EndedAt, referral.Unit, People(events),
            Ids(events), fields, [])];
    }

    /// <summary>J3: each agency's contribution to a MASH screening, <c>{agency, information}</c>.</summary>
    private static IReadOnlyList<Dictionary<string, string?>> Contributions(ChronologyEvent? screening)
    {
        if (screening is null || screening.Data.ValueKind != JsonValueKind.Object
            || !screening.Data.TryGetProperty("contributions", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(c => new Dictionary<string, string?>
        {
            ["agency"] = c.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null,
            ["information"] = c.TryGetProperty("information", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null,
        }).ToList();
    }

    /// <summary>A strategy discussion or meeting, its decisions as owned actions, each done by a later
    /// <c>meeting-action-done</c> (I5). Open while any action is open; closed when the last is done (or at once, with none).
    /// One meeting about several children is one case with every child in it, so it is on each child's record.</summary>
    private static IReadOnlyList<CaseState> Meeting(string stream, string meetingId, List<CaseSource> events)
    {
        var source = events.FirstOrDefault(s => s.Event.Id == meetingId && CaseStreams.MeetingTypes.Contains(s.Event.Type));
        if (source is null) return [];
        var m = source.Event;
        var done = events.Where(s => s.Event.Type == "meeting-action-done" && s.Event.OccurredAt >= m.OccurredAt)
            .Select(s => (Event: s.Event, Number: s.Event.Data.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var i) ? i : 0))
            .GroupBy(d => d.Number).ToDictionary(g => g.Key, g => g.First().Event);
        var actions = Decisions(m).Select(a => done.ContainsKey(a.Number) ? a with { Status = "done" } : a).ToList();
        bool strategy = m.Type == "strategy-discussion";
        var invited = strategy ? m.TextList("agencies") : m.TextList("invitedAgencies");
        var fields = new Dictionary<string, object?>
        {
            ["kind"] = m.Type switch { "strategy-discussion" => "strategy-discussion", "dmm-decision" => "daily-management", _ => m.Text("kind") },
            ["agencies"] = invited,
            ["section47"] = m.Flag("section47"), ["policeAttended"] = strategy ? invited.Contains("police") : m.Flag("policeAttended"),
            ["policeAttendeeRank"] = m.Text("policeAttendeeRank"), ["planCategory"] = m.Text("planCategory"),
            ["policeInvited"] = invited.Contains("police"), ["policeAttendee"] = m.Text("policeAttendee"),
            ["attendedAgencies"] = strategy ? invited : m.TextList("attendedAgencies"),
            ["actionsDone"] = actions.Where(a => done.ContainsKey(a.Number)).Select(a => new Dictionary<string, object?>
            {
                ["number"] = a.Number, ["doneAt"] = done[a.Number].OccurredAt, ["eventId"] = done[a.Number].Id, ["note"] = done[a.Number].Text("note"),
            }).ToList(),
        };
        bool open = actions.Any(a => a.Status == "open");
        DateTimeOffset? closedAt = open ? null : done.Count == 0 ? m.OccurredAt : done.Values.Max(e => e.OccurredAt);
        var people = events.Where(s => s.Event.Id == m.Id).ToList();
        return [new(CaseTypes.Meeting, m.Id, stream, open ? "open" : "closed", m.OccurredAt, closedAt, source.Unit,
            People(people), Ids(events.Where(s => s.Event.Id == m.Id || done.Values.Any(d => d.Id == s.Event.Id))), fields, actions)];
    }

    /// <summary><c>decisions[]</c>: <c>{text, owner, dueDate?, status?}</c>, or plain text.</summary>
    private static IReadOnlyList<CaseActionState> Decisions(ChronologyEvent m)
    {
        if (m.Data.ValueKind != JsonValueKind.Object || !m.Data.TryGetProperty("decisions", out var list) || list.ValueKind != JsonValueKind.Array)
            return [];
        var result = new List<CaseActionState>();
        foreach (var d in list.EnumerateArray())
        {
            int number = result.Count + 1;
            if (d.ValueKind == JsonValueKind.String) { result.Add(new(number, d.GetString()!, null, null, "open")); continue; }
            if (d.ValueKind != JsonValueKind.Object) continue;
            string? Str(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            DateOnly? due = DateOnly.TryParseExact(Str("dueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : null;
            var status = Str("status") is "done" or "completed" ? "done" : "open";
            result.Add(new(number, Str("text") ?? "", Str("owner"), due, status));
        }
        return result;
    }

    private static IReadOnlyList<CaseParticipant> People(IEnumerable<CaseSource> events) =>
        events.SelectMany(s => s.Event.People).Select(p => new CaseParticipant(p.PersonId, p.Role)).Distinct()
            .OrderBy(p => p.PersonId).ThenBy(p => p.Role, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> Ids(IEnumerable<CaseSource> events) => events.Select(s => s.Event.Id).ToList();
}
