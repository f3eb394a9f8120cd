namespace Safeguard.Core.Recording;

/// <summary>A record being typed in the browser, kept between pages so nothing typed is ever lost (B4).</summary>
public sealed class Draft
{
    public Guid Id { get; set; }
    public string OwnerId { get; set; } = "";
    /// <summary>The journey: ppn, domestic-abuse...</summary>
    public string Kind { get; set; } = "";
    public string Json { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
