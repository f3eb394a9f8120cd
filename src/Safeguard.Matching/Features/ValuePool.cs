namespace Safeguard.Matching.Features;

/// <summary>Interns strings to small integer ids (0 means "missing") so that equality tests in the
/// hot comparison loop are integer compares and each distinct value is stored once.</summary>
public sealed class ValuePool
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [""];

    /// <summary>Number of ids handed out, including the reserved 0.</summary>
    public int Count => _values.Count;

    /// <summary>The id of a value, adding it when new; "" gives 0.</summary>
    public int Intern(string value)
    {
        if (value.Length == 0) return 0;
        if (_ids.TryGetValue(value, out var id)) return id;
        id = _values.Count;
        _values.Add(value);
        _ids.Add(value, id);
        return id;
    }

    /// <summary>The value behind an id.</summary>
    public string this[int id] => _values[id];
}
