using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Import;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Import;

/// <summary>Runs the importer against a factory's database, as the CLI does, collecting the bad rows and the notes.</summary>
public static class ImportRunner
{
    public const string PeopleMapping = """
        { "system": "cms", "people": { "id": "Ref", "forename": "First", "surname": "Last",
          "dateOfBirth": { "column": "DOB", "format": "dd/MM/yyyy" },
          "gender": { "column": "Sex", "values": { "F": "female", "M": "male" } }, "postcode": "Postcode" } }
        """;

    public const string EventsMapping = """
        { "system": "cms", "events": { "id": "Ref", "type": { "value": "missing-reported" },
          "occurredAt": { "column": "Reported", "format": "dd/MM/yyyy HH:mm" },
          "people": [ { "column": "Child", "role": "child" } ],
          "data": { "riskGrade": { "column": "Risk", "values": { "H": "high", "M": "medium", "L": "low" } },
                    "reportedBy": { "value": "parent" }, "lookedAfter": { "column": "LAC", "as": "boolean" },
                    "lastSeenAt": { "column": "Reported", "as": "instant", "format": "dd/MM/yyyy HH:mm" } } } }
        """;

    public sealed record Outcome(ImportRun Run, bool Resumed, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportNote> Notes);

    public static async Task<Outcome> RunAsync(SafeguardFactory factory, string mapping, string fileName, string content,
        Func<ImportOptions, ImportOptions>? configure = null, CancellationToken ct = default)
    {
        using var scope = factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<Importer>();
        var errors = new List<ImportError>();
        var notes = new List<ImportNote>();
        var options = new ImportOptions { Error = errors.Add, Note = notes.Add };
        if (configure is not null) options = configure(options);
        var (run, resumed) = await importer.RunAsync(ImportMapping.Parse(mapping), fileName, Encoding.UTF8.GetBytes(content), options, ct);
        return new Outcome(run, resumed, errors, notes);
    }
}
