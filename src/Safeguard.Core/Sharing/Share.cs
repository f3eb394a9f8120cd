namespace Safeguard.Core.Sharing;

/// <summary>A deliberate share of part of a person's record with a partner organisation (J1): what (the whole
/// record, one event, or a plan, which is the event that recorded it), with whom, on what lawful basis, by whom,
/// when and until when. A share is never deleted: ending it keeps who ended it, when and why.</summary>
public sealed class Share
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>One of <see cref="ShareScopes.All"/>.</summary>
    public string Scope { get; set; } = ShareScopes.Record;
    /// <summary>For <see cref="ShareScopes.Event"/> and <see cref="ShareScopes.Plan"/>: the event shared.</summary>
    public string? EventId { get; set; }
    /// <summary>The partner organisation's code.</summary>
    public string OrganisationCode { get; set; } = "";
    /// <summary>One of <see cref="LawfulBases.All"/>.</summary>
    public string LawfulBasis { get; set; } = "";
    /// <summary>Why, in the sharer's words (optional; the lawful basis is required).</summary>
    public string? Purpose { get; set; }
    public string SharedBy { get; set; } = "";
    public string SharedByName { get; set; } = "";
    public DateTimeOffset SharedAt { get; set; }
    /// <summary>The share lapses at this instant without anyone ending it.</summary>
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }
    public string? EndedByName { get; set; }
    public string? EndReason { get; set; }

    public bool IsActive(DateTimeOffset now) => EndedAt is null && Until > now;
}

/// <summary>What a share covers.</summary>
public static class ShareScopes
{
    /// <summary>The whole record: the person's details, flags, plans and chronology (other people named only where they are shared too).</summary>
    public const string Record = "record";
    /// <summary>One event, with the person's name and date of birth.</summary>
    public const string Event = "event";
    /// <summary>A plan in force (trigger plan, child protection plan, safety plan...), which is the event that recorded it.</summary>
    public const string Plan = "plan";

    public static readonly IReadOnlyList<string> All = [Record, Event, Plan];

    public static string Describe(string scope) => scope switch
    {
        Record => "Whole record",
        Event => "One event",
        Plan => "A plan",
        _ => scope,
    };
}

/// <summary>The lawful bases a share may rest on: the statute or provision that allows police to share a child's
/// information with a partner (DPA 2018 Part 3 for law enforcement processing, the Children Acts for safeguarding).
/// The list is fixed here and documented in docs/security.md; add, never rename (codes are stored).</summary>
public static class LawfulBases
{
    public sealed record Basis(string Code, string Name, string Explanation);

    public static readonly IReadOnlyList<Basis> All =
    [
        new("children-act-1989-s47", "Children Act 1989, section 47",
            "Enquiries where there is reasonable cause to suspect a child is suffering, or is likely to suffer, significant harm."),
        new("children-act-1989-s17", "Children Act 1989, section 17",
            "Assessing and meeting the needs of a child in need."),
        new("children-act-2004-s11", "Children Act 2004, section 11",
            "The police duty to safeguard and promote the welfare of children, working with partners."),
        new("children-act-2004-s16h", "Children Act 2004, section 16H",
            "Information requested by the safeguarding partners for local child safeguarding arrangements."),
        new("crime-and-disorder-act-1998-s115", "Crime and Disorder Act 1998, section 115",
            "Disclosure to a relevant authority to prevent or reduce crime and disorder."),
        new("dpa-2018-s35-safeguarding", "Data Protection Act 2018, section 35 and Schedule 8 paragraph 4",
            "Sensitive processing necessary to protect a child or an individual at risk from harm."),
        new("dpa-2018-sch1-para18", "Data Protection Act 2018, Schedule 1 paragraph 18",
            "Safeguarding of children and of individuals at risk (for partners' processing under UK GDPR)."),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(b => b.Code == code);

    public static string Describe(string code) => All.FirstOrDefault(b => b.Code == code)?.Name ?? code;
}
