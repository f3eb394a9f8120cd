namespace Safeguard.Core.Flags;

/// <summary>A flag on a person (C2): raised by hand or suggested by a rule (C4), then confirmed,
/// rejected or ended. The flag row holds its current state; <see cref="FlagHistoryEntry"/> holds every step.</summary>
public sealed class Flag
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public string Code { get; set; } = "";
    /// <summary>suggested, confirmed, rejected or ended (see <see cref="FlagStatus"/>).</summary>
    public string Status { get; set; } = FlagStatus.Suggested;
    /// <summary>When the flag was raised or suggested.</summary>
    public DateTimeOffset Since { get; set; }
    public string RaisedBy { get; set; } = "";
    public DateOnly? ReviewDate { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndReason { get; set; }
    /// <summary>Starts at 1 and goes up with every step; the database refuses a change based on an older
    /// version, and a decision may name the version it was made on (<c>expectedVersion</c>).</summary>
    public int Version { get; set; } = 1;

    /// <summary>A person (the status is suggested or confirmed): at most one per person and code (a unique index).</summary>
    public bool IsLive => FlagStatus.IsLive(Status);

    public List<FlagReason> Reasons { get; set; } = [];
    public List<FlagHistoryEntry> History { get; set; } = [];
}

/// <summary>Why a flag stands: the rule (or "by-hand"), a sentence naming the facts, and the events.</summary>
public sealed class FlagReason
{
    public long Id { get; set; }
    public Guid FlagId { get; set; }
    public string Rule { get; set; } = "";
    public string Explanation { get; set; } = "";
    public List<string> EventIds { get; set; } = [];
    public DateTimeOffset At { get; set; }
    /// <summary>The rule output's key (empty for reasons given by hand): a reason with a key already on the
    /// flag is not added again when the rules re-run.</summary>
    public string Key { get; set; } = "";
    /// <summary>When the rules gave it (clock); <see cref="At"/> is when the facts happened (event time).</summary>
    public DateTimeOffset? RaisedAt { get; set; }
    /// <summary>The person whose derivation gave it; null for reasons given by hand.</summary>
    public Guid? DerivedFor { get; set; }
    /// <summary>Set when the history no longer supports the reason; a suggested flag with no reason left is withdrawn.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawReason { get; set; }
}

/// <summary>One step in a flag's life: raised, suggested, confirmed, rejected, ended, with who and why.</summary>
public sealed class FlagHistoryEntry
{
    public long Id { get; set; }
    public Guid FlagId { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Status { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>Set on a step copied from another flag when two records were merged and their flags of one code
    /// joined: shown in the history, but it does not decide this flag's status.</summary>
    public Guid? FromFlagId { get; set; }
}

public static class FlagStatus
{
    public const string Suggested = "suggested";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Ended = "ended";
    /// <summary>A suggestion whose basis went away (a correction, merge or later event); set by the rules.</summary>
    public const string Withdrawn = "withdrawn";
    /// <summary>Joined another live flag of the same code when two records of one person were merged; undoing
    /// the merge restores it.</summary>
    public const string Merged = "merged";

    public static readonly IReadOnlyList<string> All = [Suggested, Confirmed, Rejected, Ended, Withdrawn, Merged];

    /// <summary>Live flags are shown beside the name and are at most one per person and code.</summary>
    public static bool IsLive(string status) => status is Suggested or Confirmed;
}

/// <summary>The flag codes of REQUIREMENTS C2.</summary>
public static class FlagCodes
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["cse-risk"] = "At risk of child sexual exploitation",
        ["cse-perpetrator"] = "Child sexual exploitation perpetrator",
        ["cce-risk"] = "At risk of child criminal exploitation",
        ["repeat-missing"] = "Repeatedly missing",
        ["child-protection-plan"] = "Child protection plan",
        ["looked-after"] = "Looked-after child",
        ["registered-sex-offender"] = "Registered sex offender",
        ["risk-to-children"] = "Poses a risk to children",
        ["da-high-risk"] = "Domestic abuse: high risk",
        ["trigger-plan"] = "Trigger plan in place",
    };

    public static bool IsKnown(string code) => Names.ContainsKey(code);
}
