namespace Safeguard.Web.Hosting;

/// <summary>The host's command line, in any order. ASP.NET Core's own reader takes <c>--key value</c> pairs, so a
/// switch without a value such as <c>--demo</c> would swallow the option after it (<c>--demo --urls …</c> would
/// set "demo" to "--urls" and lose the address). Value-less switches are therefore taken out here, before the
/// rest goes to the configuration reader.</summary>
public static class CommandLine
{
    /// <summary>Switches that take no value, and the setting each turns on.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--demo"] = "Safeguard:Demo",
    };

    /// <summary>The arguments for the configuration reader, and the settings the flags turn on
    /// (<c>--demo</c>, or <c>--demo=false</c> to turn it off explicitly).</summary>
    public static (string[] Arguments, IReadOnlyDictionary<string, string?> Settings) Split(IEnumerable<string> args)
    {
        var rest = new List<string>();
        var settings = new Dictionary<string, string?>();
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=');
            var name = equals < 0 ? arg : arg[..equals];
            if (Flags.TryGetValue(name, out var key)) settings[key] = equals < 0 ? "true" : arg[(equals + 1)..];
            else rest.Add(arg);
        }
        return ([.. rest], settings);
    }
}
