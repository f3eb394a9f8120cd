using System.Text.RegularExpressions;

namespace Safeguard.Browser.Tests;

/// <summary>Every form in the app's Razor pages, read from the .cshtml files: the page file and the words on the
/// form's first button (e.g. <c>Admin/Users/Manage.cshtml · Reset password</c>). A second form on the same page
/// with the same words gets "#2", and so on; a button with no words of its own is named by its handler.</summary>
public static partial class FormCatalogue
{
    public static IReadOnlyList<string> FormsInTheApp()
    {
        var pages = Path.Combine(WebAppFixture.RepoRoot(), "src", "Safeguard.Web", "Pages");
        var forms = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var page = Path.GetRelativePath(pages, file).Replace('\\', '/');
            var seen = new Dictionary<string, int>();
            foreach (Match form in FormTag().Matches(File.ReadAllText(file)))
            {
                var label = Label(form.Value);
                seen[label] = seen.GetValueOrDefault(label) + 1;
                forms.Add($"{page} · {label}{(seen[label] > 1 ? $" #{seen[label]}" : "")}");
            }
        }
        return forms;
    }

    private static string Label(string form)
    {
        var button = ButtonTag().Match(form);
        var words = button.Success ? button.Groups[1].Value : "";
        words = Tag().Replace(words, "");
        words = RazorExpression().Replace(words, "");
        words = Regex.Replace(words, @"[^\w\s:,’'-]", "");
        words = Regex.Replace(words, @"\s+", " ").Trim();
        if (words.Any(char.IsLetter)) return words;
        var handler = Regex.Match(form, "asp-page-handler=\"([^\"]+)\"");
        return handler.Success ? $"[{handler.Groups[1].Value}]" : "[no words]";
    }

    [GeneratedRegex(@"<form\b[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex(@"<button\b[^>]*>(.*?)</button>", RegexOptions.Singleline)]
    private static partial Regex ButtonTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"@\([^)]*\)|@[\w.]+")]
    private static partial Regex RazorExpression();
}
