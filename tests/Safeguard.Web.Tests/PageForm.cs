using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Safeguard.Web.Tests;

/// <summary>How a test points at one form on a page, as a person would: by the text of its submit button
/// (the usual way), by the form's id, or by its action.</summary>
public abstract record FormPick
{
    /// <summary>The form holding a submit button whose text (or value) is exactly <paramref name="text"/>,
    /// ignoring text hidden for screen readers. That button is the one pressed.</summary>
    public static FormPick Button(string text) => new ByButton(text);

    /// <summary>The form with this id.</summary>
    public static FormPick Id(string id) => new ById(id);

    /// <summary>The form whose action attribute is exactly <paramref name="action"/> (as written in the HTML).</summary>
    public static FormPick Action(string action) => new ByAction(action);

    public static implicit operator FormPick(string buttonText) => Button(buttonText);

    internal sealed record ByButton(string Text) : FormPick { public override string ToString() => $"form with the button \"{Text}\""; }
    internal sealed record ById(string FormId) : FormPick { public override string ToString() => $"form with id \"{FormId}\""; }
    internal sealed record ByAction(string FormAction) : FormPick { public override string ToString() => $"form with action \"{FormAction}\""; }
}

/// <summary>One form read from a page's HTML and filled in as a browser would: its action (resolved against the
/// page's address; no action means the page itself), its method, and every control that a browser would send —
/// hidden inputs included, only checked boxes and radios, selected options, textareas. A test changes fields only
/// by names the form has; <see cref="SubmitAsync"/> sends exactly what the form then holds, plus the pressed
/// button's own name and value. A form posted without an anti-forgery token is refused here, before sending,
/// because a browser posting it would be refused too.</summary>
public sealed class PageForm
{
    private static readonly HashSet<string> NotSent = ["submit", "button", "reset", "image", "file"];
    private readonly HttpClient _client;
    private readonly IHtmlFormElement _form;
    private readonly IHtmlElement? _submitter;
    private readonly List<Control> _controls;

    private sealed record Control(string Name, string Kind, IElement Element)
    {
        public List<string> Values { get; } = [];
        public List<string> Options { get; } = []; // the values a box, radio or select can take
    }

    private PageForm(HttpClient client, Uri page, IHtmlFormElement form, IHtmlElement? submitter, string description)
    {
        _client = client;
        _form = form;
        _submitter = submitter;
        Description = description;
        Page = page;
        var method = submitter?.GetAttribute("formmethod") ?? form.GetAttribute("method") ?? "get";
        Method = method.Trim().Equals("post", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Post : HttpMethod.Get;
        var action = submitter?.GetAttribute("formaction") ?? form.GetAttribute("action");
        Action = string.IsNullOrWhiteSpace(action) ? page : new Uri(page, action.Trim());
        _controls = ReadControls(form);
    }

    /// <summary>What the test asked for, for messages.</summary>
    public string Description { get; }
    public Uri Page { get; }
    public Uri Action { get; }
    public HttpMethod Method { get; }

    /// <summary>Reads <paramref name="html"/> (the page at <paramref name="page"/>) and picks exactly one form.</summary>
    public static PageForm Parse(HttpClient client, Uri page, string html, FormPick pick)
    {
        var document = new HtmlParser().ParseDocument(html);
        var forms = document.QuerySelectorAll("form").OfType<IHtmlFormElement>().ToList();
        var found = new List<(IHtmlFormElement Form, IHtmlElement? Submitter)>();
        foreach (var form in forms)
        {
            switch (pick)
            {
                case FormPick.ByButton b:
                    found.AddRange(SubmitButtons(form).Where(s => ButtonText(s) == b.Text).Select(s => (form, (IHtmlElement?)s)));
                    break;
                case FormPick.ById i when form.Id == i.FormId:
                case FormPick.ByAction a when form.GetAttribute("action") == a.FormAction:
                    found.Add((form, SubmitButtons(form).FirstOrDefault()));
                    break;
            }
        }
        if (found.Count != 1)
        {
            var seen = string.Join("; ", forms.Select(f => $"action=\"{f.GetAttribute("action")}\" buttons: {string.Join(", ", SubmitButtons(f).Select(s => $"\"{ButtonText(s)}\""))}"));
            throw new InvalidOperationException(found.Count == 0
                ? $"{page.PathAndQuery} has no {pick}. Its forms: {(seen.Length == 0 ? "none" : seen)}"
                : $"{page.PathAndQuery} has {found.Count} matches for {pick}; pick the form more exactly. Its forms: {seen}");
        }
        return new PageForm(client, page, found[0].Form, found[0].Submitter, $"the {pick} on {page.PathAndQuery}");
    }

    /// <summary>The values the form would send now under <paramref name="name"/>.</summary>
    public IReadOnlyList<string> Values(string name) => Named(name).SelectMany(c => c.Values).ToList();

    /// <summary>Sets a field, as a person would by typing, choosing or ticking. For a text box, hidden input,
    /// textarea or single select: one value. For check boxes or radios: the values to leave ticked (none
    /// clears them), each one that the form offers. A name the form does not have is refused.</summary>
    public PageForm Set(string name, params string[] values)
    {
        var controls = Named(name);
        var kinds = controls.Select(c => c.Kind).Distinct().ToList();
        if (kinds.All(k => k is "checkbox" or "radio" or "select-multiple"))
        {
            var offered = controls.SelectMany(c => c.Options).ToList();
            var unknown = values.Where(v => !offered.Contains(v)).ToList();
            if (unknown.Count > 0) throw new InvalidOperationException($"{Description}: \"{name}\" offers {string.Join(", ", offered.Select(o => $"\"{o}\""))}, not {string.Join(", ", unknown.Select(u => $"\"{u}\""))}");
            if (kinds.Contains("radio") && values.Length > 1) throw new InvalidOperationException($"{Description}: only one radio of \"{name}\" can be chosen");
            foreach (var control in controls)
            {
                control.Values.Clear();
                control.Values.AddRange(control.Options.Where(values.Contains));
            }
            return this;
        }
        if (values.Length != 1 || controls.Count != 1)
            throw new InvalidOperationException($"{Description}: \"{name}\" is {controls.Count} {string.Join("/", kinds)} field(s); give it exactly one value per field");
        var only = controls[0];
        if (only.Kind == "select-one" && !only.Options.Contains(values[0]))
            throw new InvalidOperationException($"{Description}: \"{name}\" offers {string.Join(", ", only.Options.Select(o => $"\"{o}\""))}, not \"{values[0]}\"");
        only.Values.Clear();
        only.Values.Add(values[0]);
        return this;
    }

    /// <summary>Sets several fields; a name given more than once sets several values (check boxes).</summary>
    public PageForm Set(IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var group in fields.GroupBy(kv => kv.Key)) Set(group.Key, group.Select(kv => kv.Value).ToArray());
        return this;
    }

    /// <summary>The name/value pairs a browser would send, in the form's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields()
    {
        var fields = _controls.SelectMany(c => c.Values.Select(v => new KeyValuePair<string, string>(c.Name, v))).ToList();
        var submitterName = _submitter?.GetAttribute("name");
        if (!string.IsNullOrEmpty(submitterName)) fields.Add(new(submitterName, _submitter!.GetAttribute("value") ?? ""));
        return fields;
    }

    /// <summary>Sends the form. A POST form without <c>__RequestVerificationToken</c> throws instead: the
    /// application refuses such a post, so a page whose form lacks the token is broken for every browser.</summary>
    public async Task<HttpResponseMessage> SubmitAsync()
    {
        var fields = Fields();
        if (Method == HttpMethod.Get)
        {
            var query = string.Join("&", fields.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
            return await _client.GetAsync(new UriBuilder(Action) { Query = query }.Uri);
        }
        if (!fields.Any(kv => kv.Key == "__RequestVerificationToken" && kv.Value.Length > 0))
            throw new InvalidOperationException($"{Description} posts to {Action.PathAndQuery} without an anti-forgery token (__RequestVerificationToken): every browser's post would be refused");
        return await _client.PostAsync(Action, new FormUrlEncodedContent(fields));
    }

    private List<Control> Named(string name)
    {
        var controls = _controls.Where(c => c.Name == name).ToList();
        if (controls.Count == 0)
            throw new InvalidOperationException($"{Description} has no field \"{name}\". Its fields: {string.Join(", ", _controls.Select(c => c.Name).Distinct())}");
        return controls;
    }

    private static IEnumerable<IHtmlElement> SubmitButtons(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlElement>().Where(e =>
            (e is IHtmlButtonElement b && (b.Type ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase))
            || (e is IHtmlInputElement i && i.Type is "submit" or "image"));

    private static string ButtonText(IHtmlElement button)
    {
        if (button is IHtmlInputElement input) return input.Value;
        var copy = (IElement)button.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".govuk-visually-hidden").ToList()) hidden.Remove();
        return string.Join(" ", copy.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<Control> ReadControls(IHtmlFormElement form)
    {
        var controls = new List<Control>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null) continue;
            switch (element)
            {
                case IHtmlInputElement input when NotSent.Contains(input.Type):
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                {
                    var value = input.GetAttribute("value") ?? "on";
                    var control = new Control(name, input.Type, input);
                    control.Options.Add(value);
                    if (input.HasAttribute("checked")) control.Values.Add(value);
                    controls.Add(control);
                    break;
                }
                case IHtmlInputElement input:
                {
                    var control = new Control(name, input.Type, input);
                    control.Values.Add(input.GetAttribute("value") ?? "");
                    controls.Add(control);
                    break;
                }
                case IHtmlTextAreaElement textArea:
                {
                    var control = new Control(name, "textarea", textArea);
                    control.Values.Add(textArea.Value);
                    controls.Add(control);
                    break;
                }
                case IHtmlSelectElement select:
                {
                    var options = select.Options.Where(o => !o.IsDisabled).ToList();
                    var control = new Control(name, select.IsMultiple ? "select-multiple" : "select-one", select);
                    control.Options.AddRange(options.Select(o => o.Value));
                    var chosen = options.Where(o => o.HasAttribute("selected")).Select(o => o.Value).ToList();
                    if (!select.IsMultiple && chosen.Count == 0 && options.Count > 0) chosen.Add(options[0].Value);
                    control.Values.AddRange(select.IsMultiple ? chosen : chosen.TakeLast(1)); // a single select shows its last selected option
                    controls.Add(control);
                    break;
                }
            }
        }
        return controls;
    }
}
