using Safeguard.Core.Work;

namespace Safeguard.Core.Rules;

/// <summary>An open task of a person, with what closes it, so the engine can close it when that event arrives.</summary>
/// <param name="Key">The task's <see cref="WorkTask.Key"/>.</param>
/// <param name="Code">The task code.</param>
/// <param name="ClosesWhen">What fulfils it (stored in <see cref="WorkTask.ClosesWhen"/>).</param>
public sealed record OpenTask(string Key, string Code, TaskFulfilment ClosesWhen);
