namespace Safeguard.Core.Import;

/// <summary>One run of an import over one file: the checkpoint that lets an interrupted import carry on
/// after the last batch it finished (O3), and the counts it reports.</summary>
public sealed class ImportRun
{
    public Guid Id { get; set; }
    public string System { get; set; } = "";
    /// <summary>File name only (no folders), for people reading the run list.</summary>
    public string FileName { get; set; } = "";
    /// <summary>SHA-256 of the file and mapping: a run resumes only over exactly the same input.</summary>
    public string InputHash { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Line (CSV) or start line of the record (JSON) of the last row whose batch was committed.</summary>
    public int LastLineDone { get; set; }
    public int Rows { get; set; }
    public int PeopleCreated { get; set; }
    public int PeopleLinked { get; set; }
    public int PeopleQueued { get; set; }
    public int PeopleAlreadyImported { get; set; }
    public int EventsCreated { get; set; }
    public int EventsAlreadyImported { get; set; }
    public int BadRows { get; set; }
}
