using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Safeguard.Browser.Tests;

/// <summary>Accessibility checks with axe-core (pinned in this project's package.json, installed by <c>npm ci</c>).</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(LoadAxe);

    /// <summary>The axe-core script itself, for sessions that load it into every page.</summary>
    internal static string Source => AxeSource.Value;

    /// <summary>
    /// Runs axe-core on the page as it is now and fails, listing each one, if there is any serious or
    /// critical violation (rule id, help text, and the selectors of the offending elements).
    /// Minor and moderate findings are not failures here.
    /// </summary>
    /// <param name="page">A loaded page.</param>
    /// <param name="disabledRules">axe rule ids to skip, each with a reason at the call site.</param>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, params string[] disabledRules)
    {
        var violations = await FindSeriousViolationsAsync(page, disabledRules);
        if (violations.Count > 0)
        {
            Assert.Fail(Describe(page.Url, violations));
        }
    }

    /// <summary>The serious and critical axe violations on the page as it is now (none: an empty list).</summary>
    public static async Task<IReadOnlyList<Violation>> FindSeriousViolationsAsync(IPage page, params string[] disabledRules)
    {
        await InjectAxeAsync(page);
        var json = await page.EvaluateAsync<string>(
            """
            async (disabled) => {
                const rules = Object.fromEntries(disabled.map(id => [id, { enabled: false }]));
                const results = await axe.run(document, { resultTypes: ['violations'], rules });
                return JSON.stringify(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({
                        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                        targets: v.nodes.map(n => n.target.join(' ')),
                    })));
            }
            """,
            disabledRules);
        return JsonSerializer.Deserialize<Violation[]>(json, JsonSerializerOptions.Web) ?? [];
    }

    /// <summary>The violations in words: rule id, help text and link, and the selectors of the offending elements.</summary>
    public static string Describe(string url, IReadOnlyList<Violation> violations)
    {
        var message = new StringBuilder($"{violations.Count} serious or critical accessibility violation(s) on {url}:");
        foreach (var v in violations)
        {
            message.AppendLine().Append($"- {v.Id} ({v.Impact}): {v.Help} <{v.HelpUrl}>");
            foreach (var target in v.Targets)
            {
                message.AppendLine().Append($"    {target}");
            }
        }
        return message.ToString();
    }

    private static async Task InjectAxeAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            return;
        }
        // Not page.AddScriptTagAsync(new() { Content = … }): that adds an inline <script>, which the app's
        // Content-Security-Policy (no 'unsafe-inline') rightly refuses. Evaluating through the DevTools
        // protocol is not subject to the page's policy; axe's UMD wrapper then sets window.axe.
        await page.EvaluateAsync("() => {\n" + AxeSource.Value + "\n}");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            throw new InvalidOperationException("axe-core did not load into the page.");
        }
    }

    private static string LoadAxe()
    {
        var path = Environment.GetEnvironmentVariable("SAFEGUARD_AXE_PATH") is { Length: > 0 } configured
            ? configured
            : Path.Combine(WebAppFixture.RepoRoot(), "tests", "Safeguard.Browser.Tests", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in tests/Safeguard.Browser.Tests (scripts/test.sh does).");
        }
        return File.ReadAllText(path);
    }

    /// <summary>One axe rule broken on the page, with the CSS selectors of the elements that break it.</summary>
    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, string[] Targets);
}
