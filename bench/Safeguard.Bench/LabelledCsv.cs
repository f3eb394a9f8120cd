using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Safeguard.Matching;
using Safeguard.Matching.Mapping;

namespace Safeguard.Bench;

/// <summary>Reads a CSV through a mapping, keeping each row's ground-truth label beside it.</summary>
internal static class LabelledCsv
{
    public static (List<PersonRecord> Records, List<string> Truth) Load(string path, RecordMapping mapping, Func<Func<string, string?>, string> truth)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null, PrepareHeaderForMatch = a => a.Header.Trim(),
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        csv.Read();
        csv.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var header = csv.HeaderRecord ?? [];
        for (int i = 0; i < header.Length; i++) index[header[i].Trim()] = i;
        var records = new List<PersonRecord>();
        var labels = new List<string>();
        while (csv.Read())
        {
            string? Column(string name) => index.TryGetValue(name, out var k) ? csv.GetField(k) : null;
            records.Add(mapping.Map(Column));
            labels.Add(truth(Column));
        }
        return (records, labels);
    }
}
