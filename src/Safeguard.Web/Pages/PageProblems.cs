using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Problems;

namespace Safeguard.Web.Pages;

/// <summary>Shows a service's refusal on a page: each named field's message goes to that field, so the
/// GOV.UK error summary links straight to it and nothing typed is lost.</summary>
public static class PageProblems
{
    /// <param name="problem">The refusal.</param>
    /// <param name="state">The page's model state.</param>
    /// <param name="fieldMap">Maps an API field name (e.g. "data.demeanour") to the page's input name.</param>
    public static void AddTo(this Problem problem, ModelStateDictionary state, Func<string, string>? fieldMap = null)
    {
        if (problem.Errors is null || problem.Errors.Count == 0)
        {
            state.AddModelError("", problem.Detail ?? problem.Title);
            return;
        }
        foreach (var (field, messages) in problem.Errors)
            foreach (var message in messages)
                state.AddModelError(fieldMap?.Invoke(field) ?? field, message);
    }
}
