namespace Safeguard.Core.Records;

/// <summary>A relationship between two people (A5), with a start, an end and the event it came from.</summary>
public sealed class Relationship
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OtherPersonId { get; set; }
    /// <summary>parent, carer, sibling, household-member, partner, associate (see <see cref="Vocabulary.RelationshipKinds"/>).</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset? End { get; set; }
    public string? SourceEventId { get; set; }
}

/// <summary>An object in the POLE model: phone, tablet, vehicle, and who it is linked to.</summary>
public sealed class RecordedObject
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Identifier { get; set; }
    public Guid? PersonId { get; set; }
    public string? SourceEventId { get; set; }
}
