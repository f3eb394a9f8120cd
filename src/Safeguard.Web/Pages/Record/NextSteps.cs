using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Record;

/// <summary>What the rules did with a recorded event, in the words a confirmation page uses under "What happens next":
/// each task raised with its team and due time, each flag suggested, each alert sent.</summary>
public static class NextSteps
{
    public static IReadOnlyList<string> Of(EventOutputs outputs)
    {
        var lines = new List<string>();
        foreach (var t in outputs.Tasks.Where(t => t.Status != "done").OrderBy(t => t.DueAt))
            lines.Add($"Task raised for {Teams.Describe(t.AssignedTo)}: {Vocabulary.Describe(t.Code)}, due {UkTime.Show(t.DueAt)}");
        foreach (var f in outputs.Flags)
            lines.Add(f.Status == "suggested" ? $"{f.Name} flag suggested, for a supervisor to confirm or reject" : $"{f.Name} flag: {f.Status}");
        foreach (var a in outputs.Alerts)
            lines.Add($"Alert sent to {Audiences.Describe(a.Audience)}: {Vocabulary.Describe(a.Code)}");
        if (lines.Count == 0) lines.Add("No new tasks, flags or alerts were raised by this record.");
        return lines;
    }
}
