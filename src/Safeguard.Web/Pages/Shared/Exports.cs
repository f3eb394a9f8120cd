using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Exports;
using Safeguard.Core.Problems;

namespace Safeguard.Web.Pages.Shared;

/// <summary>What the export links partial (_ExportLinks) needs: what the list holds, in words ("these tasks"), and the
/// address of the download in a format ("csv" or "xlsx"), the list's filters kept.</summary>
public sealed record ExportLinks(string What, Func<string, string> Href)
{
    /// <summary>The address of this page's <paramref name="handler"/> in a format, with the query's filters but not its page.</summary>
    public static Func<string, string> FromQuery(HttpRequest request, string path, string handler) => format =>
    {
        var q = request.Query.Where(kv => kv.Key is not "page" and not "handler" and not "format")
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())).ToList();
        q.Add(new("handler", handler));
        q.Add(new("format", format));
        return path + QueryString.Create(q);
    };
}

/// <summary>Sends a list as a download in the asked-for format, after writing the export to the access log.</summary>
public static class ExportDownload
{
    /// <summary>The format asked for; anything but csv or xlsx is a 400 (problem code <c>validation</c>), nothing written.</summary>
    public static ExportFormat Format(string? format) => ListExport.ParseFormat(format)
        ?? throw new ProblemException(Core.Problems.Problems.Invalid("format", "must be csv or xlsx"));

    public static async Task<IActionResult> SendAsync(HttpContext http, ListExport export, ExportFormat format, string list, string fileName,
        IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string?>> rows, IEnumerable<Guid?> people, string? filters = null)
    {
        await export.AuditAsync(Hosting.ActorClaims.ToActor(http.User),
            list, people, rows.Count, format, filters, http.RequestAborted);
        var file = ListExport.Write(format, fileName, header, rows);
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }
}
