using System.Text.RegularExpressions;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Tests.Docs;

/// <summary>One catalogue of codes (STYLE.md "Mend"): the refusal and output codes in docs/api.md are exactly
/// those in the code's catalogues, and no code is spelled in the sources without being catalogued.</summary>
public sealed partial class CodeCatalogueTests
{
    private static readonly string Root = RepoRoot();
    private static readonly string ApiDoc = File.ReadAllText(Path.Combine(Root, "docs", "api.md"));

    [Fact]
    public void The_refusal_codes_in_the_api_document_are_exactly_the_catalogued_ones()
    {
        var documented = RefusalRow().Matches(ApiDoc).SelectMany(m => Backticked().Matches(m.Groups["codes"].Value).Select(c => c.Groups[1].Value)).ToHashSet();

        Assert.Empty(documented.Except(ProblemCodes.All).Order());
        Assert.Empty(ProblemCodes.All.Except(documented).Order());
    }

    [Theory]
    [InlineData("Flags")]
    [InlineData("Tasks")]
    [InlineData("Alerts")]
    public void The_output_codes_in_the_api_document_are_exactly_the_catalogued_ones(string kind)
    {
        var line = Regex.Match(ApiDoc, $@"^- {kind}: (?<codes>.+)$", RegexOptions.Multiline);
        var documented = Backticked().Matches(line.Groups["codes"].Value).Select(c => c.Groups[1].Value).ToHashSet();
        var catalogued = kind switch { "Flags" => OutputCodes.Flags, "Tasks" => OutputCodes.Tasks.All, _ => OutputCodes.Alerts.All };

        Assert.True(line.Success, $"docs/api.md has no '- {kind}:' line under Output codes");
        Assert.Equal(catalogued.Order(), documented.Order());
    }

    [Fact]
    public void Every_code_a_rule_spells_out_is_catalogued_for_its_kind()
    {
        var found = Directory.EnumerateFiles(Path.Combine(Root, "src", "Safeguard.Core", "Rules"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => RuleOutputLiteral().Matches(File.ReadAllText(f)).Select(m => (Kind: m.Groups["kind"].Value, Code: m.Groups["code"].Value, File: Path.GetFileName(f))))
            .ToList();

        Assert.NotEmpty(found);
        var unknown = found.Where(x => !(x.Kind switch
        {
            "FlagSuggestion" => OutputCodes.Flags,
            "AlertOutput" => OutputCodes.Alerts.All,
            _ => OutputCodes.Tasks.All,
        }).Contains(x.Code)).Select(x => $"{x.File}: {x.Kind} '{x.Code}'");
        Assert.Empty(unknown);
    }

    [Fact]
    public void No_refusal_code_is_spelled_out_in_the_sources_without_being_catalogued()
    {
        var spelled = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => ProblemLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Groups["code"].Value}"))
            .Where(x => !ProblemCodes.All.Contains(x[(x.IndexOf(": ", StringComparison.Ordinal) + 2)..]));

        Assert.Empty(spelled);
    }

    [Fact]
    public void Flag_codes_are_the_ten_of_requirement_c2()
    {
        Assert.Equal(["cce-risk", "child-protection-plan", "cse-perpetrator", "cse-risk", "da-high-risk", "looked-after", "registered-sex-offender",
            "repeat-missing", "risk-to-children", "trigger-plan"], FlagCodes.Names.Keys.Order());
    }

    [GeneratedRegex(@"^\| (?:4|5)\d\d \| (?<codes>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex RefusalRow();

    [GeneratedRegex("`([a-z0-9-]+)`")]
    private static partial Regex Backticked();

    // new TaskOutput(Name, context.PersonId, "code", ...) and the shared helper TaskAfterReturn(context, Name, "code", ...).
    [GeneratedRegex(@"(?:new (?<kind>TaskOutput|AlertOutput|FlagSuggestion)\(\s*\w+,\s*[\w.]+,\s*|(?<kind>TaskAfterReturn)\(\s*\w+,\s*\w+,\s*)""(?<code>[a-z0-9-]+)""")]
    private static partial Regex RuleOutputLiteral();

    // new Problem(409, "code", ...) spelled with a literal.
    [GeneratedRegex(@"new (?:Core\.Problems\.)?Problem\(\s*\d{3},\s*""(?<code>[a-z0-9-]+)""")]
    private static partial Regex ProblemLiteral();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Safeguard.slnx not found above the test folder.");
    }
}
