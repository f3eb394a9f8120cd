namespace Safeguard.Core.Rules.Missing;

/// <summary>One missing episode: the report and what followed it (F1, F5, MI1, MI4). The one model of an
/// episode: the rules, the profile, the missing pages and the cases projection all read it, built by
/// <see cref="MissingEpisodes.All"/> from a chronology.</summary>
/// <param name="Id">The id of the <c>missing-reported</c> event, which is also the case id.</param>
/// <param name="ChildId">The child who went missing.</param>
/// <param name="Report">The missing report.</param>
/// <param name="Located">The first <c>missing-located</c> event about the episode, once the child is found.</param>
/// <param name="SafeAndWellCheck">The first safe-and-well check about the episode.</param>
/// <param name="ReturnInterviewEvent">The latest return interview about the episode.</param>
/// <param name="EventIds">Every event of the episode, in chronology order.</param>
public sealed record MissingEpisode(string Id, Guid ChildId, ChronologyEvent Report, ChronologyEvent? Located, ChronologyEvent? SafeAndWellCheck,
    ChronologyEvent? ReturnInterviewEvent, IReadOnlyList<string> EventIds)
{
    public DateTimeOffset ReportedAt => Report.OccurredAt;
    public string RiskGrade => Report.Text("riskGrade") ?? "";
    public string? ReportedBy => Report.Text("reportedBy");
    public bool LookedAfter => Report.Flag("lookedAfter") == true;
    public DateTimeOffset? LastSeenAt => Report.Instant("lastSeenAt");
    public string? LastSeenLocation => Report.Text("lastSeenLocation");
    public string? Circumstances => Report.Text("circumstances");

    /// <summary>When the child was found: the located event's <c>locatedAt</c>, or its time.</summary>
    public DateTimeOffset? LocatedAt => Located is null ? null : Located.Instant("locatedAt") ?? Located.OccurredAt;
    public string? FoundLocation => Located?.Text("foundLocation");

    /// <summary>People recorded as with the child when found: ids in <c>foundWith</c> and associates in the located event.</summary>
    public IReadOnlyList<Guid> FoundWithPeople => Located is null ? []
        : Located.TextList("foundWith").Select(w => Guid.TryParse(w, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)
            .Concat(Located.PeopleInRole("associate")).Where(id => id != ChildId).Distinct().Order().ToList();

    /// <summary>Anyone in <c>foundWith</c> named in words rather than by a person's id.</summary>
    public IReadOnlyList<string> FoundWithNames => Located is null ? []
        : Located.TextList("foundWith").Where(w => !Guid.TryParse(w, out _) && w.Trim().Length > 0).Select(w => w.Trim()).Distinct().ToList();

    public bool SafeAndWellDone => SafeAndWellCheck is not null;

    /// <summary>Missing until located; closed once located and the safe-and-well check is done (MI1, MI4).</summary>
    public string Status => Located is null ? "open" : SafeAndWellDone ? "closed" : "located";

    /// <summary>When the episode closed: the later of being found and the safe-and-well check.</summary>
    public DateTimeOffset? ClosedAt => Status == "closed"
        ? (Located!.OccurredAt > SafeAndWellCheck!.OccurredAt ? Located.OccurredAt : SafeAndWellCheck.OccurredAt) : null;

    /// <summary><c>held</c>, <c>declined</c>, <c>offered</c>, or null when no return interview is recorded.</summary>
    public string? ReturnInterview => ReturnInterviewEvent is not { } ri ? null
        : ri.Flag("declined") == true ? "declined" : ri.Text("heldAt") is not null ? "held" : "offered";
}
