using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Safeguard.Matching;
using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Mapping;

namespace Safeguard.Cli;

/// <summary><c>safeguard match INPUT.csv --mapping MAPPING.json --out CLUSTERS.csv</c>: finds the
/// people in one file and writes, for every row, its id and the number of the person it belongs to.</summary>
public static class MatchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "CSV file of person records (with a header row)" };
        var mapping = new Option<FileInfo>("--mapping") { Description = "JSON file mapping CSV columns to person fields", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write: id,cluster for every input row", Required = true };
        var command = new Command("match", "Deduplicate one file of person records by probabilistic matching") { input, mapping, output };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(mapping)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(FileInfo input, FileInfo mappingFile, FileInfo output)
    {
        RecordMapping mapping;
        try
        {
            mapping = RecordMapping.Parse(File.ReadAllText(mappingFile.FullName));
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            Console.Error.WriteLine($"match: cannot use mapping {mappingFile.Name}: {e.Message}");
            return 2;
        }
        if (!input.Exists)
        {
            Console.Error.WriteLine($"match: input file {input.FullName} not found");
            return 2;
        }

        if (output.Directory is { Exists: false } folder)
        {
            Console.Error.WriteLine($"match: cannot write {output.Name}: the folder {folder.FullName} does not exist");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var records = Read(input, mapping);
        var readTime = clock.Elapsed;
        var result = Deduplicator.Run(records);
        var matchTime = clock.Elapsed - readTime;
        try
        {
            Write(output, result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"match: cannot write {output.FullName}: {e.Message}");
            return 2;
        }

        Console.WriteLine($"records          {records.Count:N0}");
        Console.WriteLine($"candidate pairs  {result.CandidatePairs:N0}");
        Console.WriteLine($"matched pairs    {result.MatchedPairs:N0}");
        Console.WriteLine($"people           {result.Clusters.Distinct().Count():N0}");
        Console.WriteLine($"elapsed          {clock.Elapsed.TotalSeconds:0.00} s (read {readTime.TotalSeconds:0.00} s, match {matchTime.TotalSeconds:0.00} s)");
        Console.WriteLine($"peak memory      {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
        return 0;
    }

    // Rows without an id get their line number, so that every input row still appears in the output.
    private static List<PersonRecord> Read(FileInfo input, RecordMapping mapping)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null, DetectDelimiter = true,
        };
        using var reader = new StreamReader(input.FullName);
        using var csv = new CsvReader(reader, config);
        var records = new List<PersonRecord>();
        if (!csv.Read()) return records;
        csv.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var header = csv.HeaderRecord ?? [];
        for (int i = 0; i < header.Length; i++) index.TryAdd(header[i].Trim(), i);
        foreach (var column in mapping.Columns)
            if (!index.ContainsKey(column)) Console.Error.WriteLine($"match: warning: column '{column}' is not in {input.Name}; treated as empty");

        while (csv.Read())
        {
            string? Column(string name) => index.TryGetValue(name, out var k) && csv.TryGetField<string>(k, out var v) ? v : null;
            var record = mapping.Map(Column);
            if (record.Id.Length == 0) record = record with { Id = $"line-{csv.Parser.RawRow}" };
            records.Add(record);
        }
        return records;
    }

    private static void Write(FileInfo output, DeduplicationResult result)
    {
        using var writer = new StreamWriter(output.FullName);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("id");
        csv.WriteField("cluster");
        csv.NextRecord();
        for (int i = 0; i < result.Ids.Count; i++)
        {
            csv.WriteField(result.Ids[i]);
            csv.WriteField(result.Clusters[i]);
            csv.NextRecord();
        }
    }
}
