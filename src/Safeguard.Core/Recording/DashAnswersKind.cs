using System.Text.Json;
using Safeguard.Core.Rules.DomesticAbuse;

namespace Safeguard.Core.Recording;

/// <summary>A DASH checklist's <c>answers</c>: an object keyed <c>q1</c> to <c>q27</c>, each answer <c>true</c> (yes),
/// <c>false</c> (no), <c>null</c> or <c>"not-known"</c> (also <c>"yes"</c> / <c>"no"</c>).</summary>
internal sealed record DashAnswersKind : FieldKind
{
    public override string? Check(JsonElement v) => DashAssessment.AnswersProblem(v);
}
