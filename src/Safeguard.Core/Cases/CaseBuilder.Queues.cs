using Safeguard.Core.Rules;

namespace Safeguard.Core.Cases;

public static partial class CaseBuilder
{
    /// <summary>I3: a digital forensic request, <c>waiting</c> from its <c>forensic-request</c> until a
    /// <c>forensic-completed</c> with the same <c>requestId</c>. Linked to an investigation by <c>investigationId</c>.
    /// None before the request itself (a completion alone is not a request).</summary>
    private static IReadOnlyList<CaseState> ForensicRequest(string stream, string requestId, List<CaseSource> events)
    {
        var request = events.FirstOrDefault(s => s.Event.Type == "forensic-request");
        if (request is null) return [];
        var r = request.Event;
        var completed = events.LastOrDefault(s => s.Event.Type == "forensic-completed" && ChronologyEvent.Order.Compare(s.Event, r) >= 0)?.Event;
        var fields = new Dictionary<string, object?>
        {
            ["requestId"] = requestId, ["device"] = r.Text("device"), ["requestedPriority"] = r.Text("priority"),
            ["investigationId"] = Reference(events, "investigationId"), ["examination"] = r.Text("examination"),
            ["childIds"] = Rules.Queues.QueuePriority.ChildrenIn(r), ["requestedAt"] = r.OccurredAt,
            ["completedAt"] = completed?.OccurredAt, ["findings"] = completed?.Text("findings"),
        };
        return [new(CaseTypes.ForensicRequest, requestId, stream, completed is null ? "waiting" : "completed", r.OccurredAt, completed?.OccurredAt,
            request.Unit, People(events), Ids(events), fields, [])];
    }

    /// <summary>I4: a charging file, <c>awaiting-decision</c> from its <c>charging-file-submitted</c> until a
    /// <c>charging-decision</c> with the same <c>fileId</c> (the latest decision counts). Linked to an investigation by
    /// <c>investigationId</c>. None before the file is submitted.</summary>
    private static IReadOnlyList<CaseState> ChargingFile(string stream, string fileId, List<CaseSource> events)
    {
        var submitted = events.FirstOrDefault(s => s.Event.Type == "charging-file-submitted");
        if (submitted is null) return [];
        var f = submitted.Event;
        var decision = events.LastOrDefault(s => s.Event.Type == "charging-decision" && ChronologyEvent.Order.Compare(s.Event, f) >= 0)?.Event;
        var fields = new Dictionary<string, object?>
        {
            ["fileId"] = fileId, ["investigationId"] = Reference(events, "investigationId"), ["offence"] = f.Text("offence"),
            ["childIds"] = Rules.Queues.QueuePriority.ChildrenIn(f), ["submittedAt"] = f.OccurredAt,
            ["decidedAt"] = decision?.OccurredAt, ["decision"] = decision?.Text("decision"), ["decisionNotes"] = decision?.Text("notes"),
        };
        return [new(CaseTypes.ChargingFile, fileId, stream, decision is null ? "awaiting-decision" : "decided", f.OccurredAt, decision?.OccurredAt,
            submitted.Unit, People(events), Ids(events), fields, [])];
    }

    /// <summary>The first value of a reference field among the events (the opening event's, normally).</summary>
    private static string? Reference(List<CaseSource> events, string field) =>
        events.Select(s => s.Event.Text(field)?.Trim()).FirstOrDefault(v => v is { Length: > 0 });
}
