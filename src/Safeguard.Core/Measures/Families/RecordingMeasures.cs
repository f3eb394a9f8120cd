using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Measures.Families;

/// <summary>Recording quality (B5, M1) and the children to notice (B2): the child's views and demeanour (B1), outcomes for
/// the child (B3), the delay between an event and its record, and domestic abuse incidents with a child and no PPN.</summary>
public static class RecordingMeasures
{
    public const string ChildViewsDemeanour = "child-views-demeanour";
    public const string OutcomesRecorded = "outcomes-recorded";
    public const string RecordingDelay = "recording-delay";
    public const string ChildrenToNotice = "children-to-notice";

    /// <summary>A child's PPNs, domestic abuse incidents and ended police involvement, one stream per child.</summary>
    public const string ChildStream = "measure-child-record";

    /// <summary>One record whose delay is measured, one stream per event.</summary>
    public const string RecordStream = "measure-record";

    /// <summary>The records whose delay between event and record is measured: those B1–B3 and the supervisory reviews are about
    /// (as the recording quality page counts them).</summary>
    public static readonly IReadOnlySet<string> DelayTypes = new HashSet<string> { "ppn", "incident", "investigation-closed", "supervisory-review" };

    private static readonly IReadOnlySet<string> Ended = new HashSet<string> { "investigation-closed", "custody-released" };
    private static readonly IReadOnlySet<string> Held = new HashSet<string> { "ppn", "incident", "investigation-closed", "custody-released", "outcome-recorded" };

    public static readonly MeasureFamily Family = new("Recording quality and the children to notice",
    [
        new(ChildViewsDemeanour, "Children's views and demeanour recorded", "B5", MeasureKind.Rate,
            "Records about a child with the child's views (or why they could not be obtained) and their demeanour (or why it could not be observed)",
            "PPNs about a child, and each child's entry in a domestic abuse incident, one per child",
            "A record falls in the month it happened. A PPN counts for each child in it. A child's entry in a domestic abuse incident takes "
            + "the child's views from the entry (childViews or childViewsNotObtainedReason) or from a PPN about the child naming the incident "
            + "or made within the B2 window (setting B2.ppnWithinDays); demeanour from the entry.",
            TargetSetting: "M1.childViewsTargetPercent"),
        new(OutcomesRecorded, "Outcomes for the child recorded", "B3", MeasureKind.Rate,
            "Ended police involvement with the outcome for the child and whether the child was told recorded",
            "Investigations closed, and custody releases, with a child in them as the child: one per child",
            "Counted in the month police involvement ended (the investigation closed or the child was released). The outcome may be recorded on "
            + "the closing record or by a later outcome recorded for the child; a record still waiting for it counts as not recorded.",
            TargetSetting: "M1.outcomesRecordedTargetPercent"),
        new(RecordingDelay, "Time from event to record", "B5", MeasureKind.Duration,
            "Records made within the target number of hours of the event",
            "PPNs, incidents, closed investigations and supervisory reviews: the hours from when it happened to when it was recorded",
            "A record falls in the month it happened. The average is in hours; the target is the setting M1.recordingDelayTargetHours (24 hours). "
            + "A record whose time is after it was recorded counts as 0 hours.",
            HigherIsBetter: false, ValueUnit: MeasureUnit.Hours, TargetSetting: "M1.recordingDelayTargetHours"),
        new(ChildrenToNotice, "Children at domestic abuse incidents with a PPN", "B2", MeasureKind.Count,
            "Children at the incident for whom a PPN followed (the rest are the children to notice)",
            "Children present or living in the household at a domestic abuse incident (role child): one per child and incident",
            "An incident falls in the month it happened. A PPN about the child made from a day before the incident to the setting "
            + "B2.ppnWithinDays (7 days) after it counts. The children with none are the \"children to notice\".",
            TargetSetting: null),
    ], Facts, Streams, new Dictionary<string, IReadOnlySet<string>> { [ChildStream] = Held });

    private static IEnumerable<string> Streams(ChronologyEvent e)
    {
        if (DelayTypes.Contains(e.Type)) yield return CaseStreams.Key(RecordStream, e.Id);
        if (!Held.Contains(e.Type) || (e.Type == "incident" && !IsDomesticAbuse(e))) yield break;
        foreach (var child in e.PeopleInRole("child")) yield return CaseStreams.Key(ChildStream, child.ToString());
    }

    private static bool IsDomesticAbuse(ChronologyEvent e) => e.TextList("classifications").Contains("domestic-abuse");

    private static IEnumerable<FactDraft> Facts(MeasureStreamInput input)
    {
        var (type, key) = input.Stream.Contains(':') ? CaseStreams.Parse(input.Stream) : ("", "");
        if (type == RecordStream)
            foreach (var s in input.Events.Where(s => s.Event.Id == key))
            {
                var e = s.Event;
                var person = e.PeopleInRole("child") is [var c, ..] ? c : e.People.Select(p => (Guid?)p.PersonId).FirstOrDefault();
                yield return new FactDraft(RecordingDelay, "event", e.Id, person, s.Unit, e.OccurredAt,
                    Value: Math.Round(Math.Max(0, (e.RecordedAt - e.OccurredAt).TotalHours), 2));
            }
        if (type != ChildStream) yield break;

        var child = Guid.Parse(key);
        var mine = input.Events.Where(s => s.Event.HasRole(child, "child")).ToList();
        var ppns = mine.Where(s => s.Event.Type == "ppn").Select(s => s.Event).ToList();
        var window = TimeSpan.FromDays(input.Settings.PpnWithinDays);
        foreach (var s in mine)
        {
            var e = s.Event;
            switch (e.Type)
            {
                case "ppn":
                    yield return new FactDraft(ChildViewsDemeanour, "event", e.Id, child, s.Unit, e.OccurredAt, Met: Views(e.Data) && Demeanour(e.Data));
                    break;
                case "incident" when IsDomesticAbuse(e):
                    var following = ppns.Where(p => p.Text("incidentEventId") == e.Id
                        || (p.OccurredAt >= e.OccurredAt.AddDays(-1) && p.OccurredAt <= e.OccurredAt + window)).ToList();
                    var entry = Entry(e, child);
                    bool views = (entry is { } v && Views(v)) || following.Any(p => Views(p.Data));
                    yield return new FactDraft(ChildViewsDemeanour, "event", e.Id, child, s.Unit, e.OccurredAt, Met: views && entry is { } d && Demeanour(d));
                    yield return new FactDraft(ChildrenToNotice, "event", e.Id, child, s.Unit, e.OccurredAt,
                        Met: ppns.Any(p => p.OccurredAt >= e.OccurredAt.AddDays(-1) && p.OccurredAt <= e.OccurredAt + window));
                    break;
                case var t when Ended.Contains(t):
                    bool recorded = Outcome(e) || mine.Any(o => o.Event.Type == "outcome-recorded" && o.Event.OccurredAt >= e.OccurredAt && Outcome(o.Event));
                    var (caseType, caseId) = e.Type == "investigation-closed"
                        ? (CaseTypes.Investigation, e.Text("investigationId")) : (CaseTypes.Custody, e.Text("custodyId"));
                    yield return caseId is { Length: > 0 }
                        ? new FactDraft(OutcomesRecorded, caseType, caseId, child, s.Unit, e.OccurredAt, Met: recorded)
                        : new FactDraft(OutcomesRecorded, "event", e.Id, child, s.Unit, e.OccurredAt, Met: recorded);
                    break;
            }
        }
    }

    /// <summary>B3: the outcome for the child and whether the child was told.</summary>
    private static bool Outcome(ChronologyEvent e) => !string.IsNullOrWhiteSpace(e.Text("outcomeForChild")) && e.Flag("childInformed") is not null;

    private static bool Views(System.Text.Json.JsonElement d) => Has(d, "childViews") || Has(d, "childViewsNotObtainedReason");
    private static bool Demeanour(System.Text.Json.JsonElement d) => Has(d, "demeanour") || Has(d, "demeanourNotObservedReason");

    private static bool Has(System.Text.Json.JsonElement d, string name) =>
        d.ValueKind == System.Text.Json.JsonValueKind.Object && d.TryGetProperty(name, out var v)
        && v.ValueKind == System.Text.Json.JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString());

    /// <summary>The child's entry in a domestic abuse incident's <c>children[]</c>.</summary>
    private static System.Text.Json.JsonElement? Entry(ChronologyEvent e, Guid child)
    {
        if (e.Data.ValueKind != System.Text.Json.JsonValueKind.Object || !e.Data.TryGetProperty("children", out var list)
            || list.ValueKind != System.Text.Json.JsonValueKind.Array) return null;
        foreach (var c in list.EnumerateArray())
            if (c.ValueKind == System.Text.Json.JsonValueKind.Object && c.TryGetProperty("personId", out var id)
                && id.ValueKind == System.Text.Json.JsonValueKind.String && Guid.TryParse(id.GetString(), out var g) && g == child) return c;
        return null;
    }
}
