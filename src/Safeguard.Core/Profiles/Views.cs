namespace Safeguard.Core.Profiles;

// The shapes the API answers with and the pages show (API.md "Read"). Property names are the contract.

public sealed record ReasonView(string Rule, string Explanation, IReadOnlyList<string> EventIds)
{
    /// <summary>When the facts behind it happened (event time), for a rule's reason on a flag.</summary>
    public DateTimeOffset? EffectiveAt { get; init; }
    /// <summary>When Safeguard gave it (the clock), for a rule's reason on a flag.</summary>
    public DateTimeOffset? RaisedAt { get; init; }
    /// <summary>The rule's plain name, for people to read ("Repeat missing (MI5)").</summary>
    public string RuleName => Rules.RuleTitles.Of(Rule);
}

public sealed record FlagView(Guid Id, string Code, string Name, string Status, DateTimeOffset Since, DateOnly? ReviewDate,
    DateTimeOffset? EndedAt, string? EndReason, IReadOnlyList<ReasonView> Reasons, IReadOnlyList<FlagHistoryView> History, int Version = 1);

public sealed record FlagHistoryView(DateTimeOffset At, string By, string Status, string Reason);

/// <summary>A flag in brief, as shown beside a person's name wherever they appear (C3).</summary>
public sealed record FlagTag(string Code, string Name, string Status);

public sealed record TaskView(Guid Id, Guid PersonId, string Code, string Status, DateTimeOffset DueAt, string AssignedTo,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, ReasonView Reason)
{
    /// <summary>When the facts it rests on happened (event time); <c>asOf</c> reads by this.</summary>
    public DateTimeOffset EffectiveAt { get; init; }
    /// <summary>When Safeguard raised it: the same as <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset RaisedAt => CreatedAt;
}

public sealed record AlertView(Guid Id, Guid PersonId, string Code, DateTimeOffset CreatedAt, string Audience, ReasonView Reason)
{
    /// <summary>When the facts it rests on happened (event time); <c>asOf</c> reads by this.</summary>
    public DateTimeOffset EffectiveAt { get; init; }
    /// <summary>When Safeguard raised it: the same as <see cref="CreatedAt"/> (API.md).</summary>
    public DateTimeOffset RaisedAt => CreatedAt;

    public static AlertView Of(Work.Alert a) =>
        new(a.Id, a.PersonId, a.Code, a.CreatedAt, a.Audience, new ReasonView(a.Rule, a.Explanation, a.EventIds)) { EffectiveAt = a.EffectiveAt };
}

/// <summary>What the rules produced for one event (the <c>outputs</c> of a POST /events answer).</summary>
public sealed record EventOutputs(IReadOnlyList<FlagView> Flags, IReadOnlyList<TaskView> Tasks, IReadOnlyList<AlertView> Alerts)
{
    public static readonly EventOutputs None = new([], [], []);
}

public sealed record AddressView(string? Line1, string? Town, string? Postcode);

public sealed record PersonView(Guid Id, string Forename, string Surname, DateOnly? DateOfBirth, int? Age, string? Gender,
    IReadOnlyList<string> Aliases, AddressView Address, int Version, Guid? MergedInto);

public sealed record ChronologyEntry(string EventId, string Type, string Description, DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt, string Role, string Unit, string Summary, IReadOnlyList<ChronologyPerson> People, int Version = 1);

public sealed record ChronologyPerson(Guid PersonId, string Name, string Role);

/// <summary>A person linked to the profile's person. <see cref="Episodes"/>: the missing reports of the episodes in which
/// they were found with the child (empty when they never were).</summary>
public sealed record LinkedPersonView(Guid PersonId, string Name, DateOnly? DateOfBirth, string Relationship, string? Source,
    IReadOnlyList<FlagTag> Flags, IReadOnlyList<string> Episodes);

public sealed record RiskToOtherChildrenView(Guid PersonId, string Name, IReadOnlyList<Guid> Children, IReadOnlyList<string> EventIds,
    string Explanation);

public sealed record MissingSummary(int Episodes, int Last90Days, IReadOnlyList<MissingEpisodeView> EpisodeList);

public sealed record MissingEpisodeView(string EventId, DateTimeOffset ReportedAt, string RiskGrade, DateTimeOffset? LocatedAt,
    string? FoundLocation);

public sealed record ProfileView(PersonView Person, IReadOnlyList<FlagView> Flags, IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<AlertView> Alerts, IReadOnlyList<LinkedPersonView> LinkedPeople,
    IReadOnlyList<RiskToOtherChildrenView> RisksToOtherChildren, MissingSummary Missing, IReadOnlyList<ChronologyEntry> Chronology,
    DateTimeOffset AsOf)
{
    /// <summary>The plans in force at <see cref="AsOf"/>, newest first (trigger plan, child protection plan, ...).</summary>
    public IReadOnlyList<PlanView> Plans { get; init; } = [];

    /// <summary>D3: registered sex offenders linked to the person or their address, with the events; empty for roles
    /// that may not see offenders.</summary>
    public IReadOnlyList<Offenders.LinkedOffenderView> Offenders { get; init; } = [];

    /// <summary>H1, H3, DA2: the person's DASH checklists and band as a victim, and the domestic abuse households they
    /// were a child in, with what was observed of them and the adults' flag history.</summary>
    public DomesticAbuse.DomesticAbuseSummary DomesticAbuse { get; init; } = Core.DomesticAbuse.DomesticAbuseSummary.Empty;
}

/// <summary>A plan in force for the person: what it is, in words, since when, and the event that recorded it.</summary>
public sealed record PlanView(string Name, string Detail, DateTimeOffset Since, string EventId, DateOnly? ReviewDate = null);
