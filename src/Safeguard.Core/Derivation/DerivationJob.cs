namespace Safeguard.Core.Derivation;

/// <summary>A durable request to derive many people again, worked through by the clock worker in batches so the
/// request that caused it (an administrator changing a setting) answers at once. <see cref="AfterPersonId"/> is the
/// checkpoint: a restart carries on from there.</summary>
public sealed class DerivationJob
{
    public Guid Id { get; set; }
    /// <summary>Why, in plain words, cited on anything the job withdraws: "the setting MI5.repeatMissingEpisodes changed from 3 to 4".</summary>
    public string Cause { get; set; } = "";
    /// <summary>The event types whose people are derived again, comma-separated; empty for everyone with events.</summary>
    public string EventTypes { get; set; } = "";
    /// <summary>Particular people to derive again, comma-separated ids; when set, <see cref="EventTypes"/> is not used.</summary>
    public string People { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid? AfterPersonId { get; set; }
    public int PeopleDone { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
