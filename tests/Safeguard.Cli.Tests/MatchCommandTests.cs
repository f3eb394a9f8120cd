namespace Safeguard.Cli.Tests;

/// <summary><c>safeguard match</c> on a slice of the shared FEBRL file: one output row per input row, duplicates
/// found, and a bad path answered with a clear message and a non-zero exit code.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private static string Mapping => Path.Combine(SafeguardCli.RepositoryRoot, "docs/examples/febrl.mapping.json");

    /// <summary>The header and the first <paramref name="rows"/> records of dataset1 (originals and their duplicates, shuffled).</summary>
    private string SliceOfDataset1(int rows)
    {
        var source = Path.Combine(SafeguardCli.RepositoryRoot, "../shared/data/person-linkage/dataset1.csv");
        if (!File.Exists(source)) source = "/work/shared/data/person-linkage/dataset1.csv";
        var path = _folder.File("people.csv");
        File.WriteAllLines(path, File.ReadLines(source).Take(rows + 1));
        return path;
    }

    [Fact]
    public async Task Match_writes_every_input_row_with_its_cluster_and_puts_a_known_duplicate_with_its_original()
    {
        var input = SliceOfDataset1(300);
        var ids = File.ReadLines(input).Skip(1).Select(l => l.Split(',')[0].Trim()).ToList();

        var run = await SafeguardCli.RunAsync(_folder.Path, ["match", input, "--mapping", Mapping, "--out", "clusters.csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(_folder.File("clusters.csv"));
        Assert.Equal("id,cluster", lines[0]);
        var clusters = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(ids.Order(), clusters.Keys.Order());
        Assert.Contains(run.OutLines, l => l == "records          300");
        Assert.Contains(run.OutLines, l => l == $"people           {clusters.Values.Distinct().Count()}");
        // dataset1 pairs rec-N-org with rec-N-dup-0; among those in this slice, most must land in one cluster.
        var pairs = ids.Where(i => i.EndsWith("-org", StringComparison.Ordinal))
            .Select(o => (Org: o, Dup: o[..^4] + "-dup-0")).Where(p => clusters.ContainsKey(p.Dup)).ToList();
        Assert.NotEmpty(pairs);
        Assert.True(pairs.Count(p => clusters[p.Org] == clusters[p.Dup]) * 10 >= pairs.Count * 8,
            $"{pairs.Count(p => clusters[p.Org] == clusters[p.Dup])} of {pairs.Count} known duplicates matched");
    }

    [Fact]
    public async Task Match_links_duplicates_written_in_any_alphabet_and_never_crashes_on_a_name()
    {
        // Synthetic people whose names are outside a-z: each appears twice, once as typed and once with a small
        // difference a clerk might make (accents dropped, or the same Cyrillic name), plus names with no Latin letter.
        var input = _folder.File("names.csv");
        File.WriteAllLines(input,
        [
            "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id",
            "a-1, Łukasz, Wróblewski, 4, mill lane, , exeter, 4011, wa, 20120314, 7100001",
            "a-2, Lukasz, Wroblewski, 4, mill lane, , exeter, 4011, wa, 20120314, 7100001",
            "b-1, Øyvind, Sørensen, 9, quay road, , truro, 4012, wa, 20100102, 7100002",
            "b-2, Øyvind, Sørensen, 9, quay road, , truro, 4012, wa, 20100102, 7100002",
            "c-1, Дмитрий, Иванов, 12, hill street, , bodmin, 4013, wa, 20110720, 7100003",
            "c-2, Дмитрий, Иванов, 12, hill street, , bodmin, 4013, wa, 20110720, 7100003",
            "d-1, محمد, علي, 3, park view, , newquay, 4014, wa, 20130911, 7100004",
            "d-2, مُحَمَّد, علي, 3, park view, , newquay, 4014, wa, 20130911, 7100004",
            "e-1, 伟, 王, 8, station road, , penzance, 4015, wa, 20090505, 7100005",
            "f-1, Zoë, O'Brien-Nuñez, 1, the strand, , falmouth, 4016, wa, 20140228, 7100006",
        ]);

        var run = await SafeguardCli.RunAsync(_folder.Path, ["match", input, "--mapping", Mapping, "--out", "clusters.csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var clusters = File.ReadAllLines(_folder.File("clusters.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(10, clusters.Count);
        foreach (var pair in new[] { "a", "b", "c", "d" })
            Assert.True(clusters[pair + "-1"] == clusters[pair + "-2"], $"{pair}-1 and {pair}-2 should be one person: {run}");
        Assert.NotEqual(clusters["e-1"], clusters["f-1"]);
    }

    [Fact]
    public async Task A_missing_input_file_is_named_and_the_exit_code_is_not_zero()
    {
        var run = await SafeguardCli.RunAsync(_folder.Path, ["match", "no-such-file.csv", "--mapping", Mapping, "--out", "clusters.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-file.csv not found", run.Error);
        Assert.DoesNotContain("   at ", run.Error); // a message, not a stack trace
        Assert.False(File.Exists(_folder.File("clusters.csv")));
    }

    [Fact]
    public async Task A_missing_mapping_file_is_named_and_the_exit_code_is_not_zero()
    {
        var input = SliceOfDataset1(10);

        var run = await SafeguardCli.RunAsync(_folder.Path, ["match", input, "--mapping", "missing.mapping.json", "--out", "clusters.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot use mapping missing.mapping.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task An_output_folder_that_does_not_exist_is_reported_without_a_stack_trace()
    {
        var input = SliceOfDataset1(10);

        var run = await SafeguardCli.RunAsync(_folder.Path, ["match", input, "--mapping", Mapping, "--out", "no-such-folder/clusters.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot write", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Help_lists_every_command_and_a_missing_required_option_is_refused()
    {
        var help = await SafeguardCli.RunAsync(_folder.Path, ["--help"]);
        var tokenHelp = await SafeguardCli.RunAsync(_folder.Path, ["token", "issue", "--help"]);
        var missing = await SafeguardCli.RunAsync(_folder.Path, ["match", "people.csv", "--out", "x.csv"]);

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "match", "import", "token", "user" }) Assert.Contains(help.OutLines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        Assert.Equal(0, tokenHelp.ExitCode);
        foreach (var option in new[] { "--name", "--role", "--team", "--organisation", "--database", "--connection", "--data-folder" })
            Assert.Contains(option, tokenHelp.Out);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--mapping", missing.Error);
    }
}
