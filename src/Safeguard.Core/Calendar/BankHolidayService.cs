using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Calendar;

/// <summary>The England and Wales bank holidays the working-day clock skips (E5). Administrators add the
/// years ahead (and one-off days, such as a coronation) as they are announced; each addition is logged.</summary>
public sealed class BankHolidayService(SafeguardDb db, AuditLog audit)
{
    public async Task<IReadOnlyList<BankHoliday>> ListAsync(CancellationToken ct = default) =>
        (await db.BankHolidays.AsNoTracking().ToListAsync(ct)).OrderBy(h => h.Date).ToList();

    /// <summary>Adds a day; the same date again answers 409.</summary>
    public async Task<BankHoliday> AddAsync(Actor actor, string? date, string? name, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators may change bank holidays."));
        var errors = new Dictionary<string, string[]>();
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            errors["date"] = ["Enter a date, for example 2027-05-03"];
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) errors["name"] = ["Enter the holiday's name (at most 100 characters)"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        if (await db.BankHolidays.AnyAsync(h => h.Date == day, ct))
            throw new ProblemException(new Problem(409, ProblemCodes.BankHolidayExists, "Already a bank holiday", $"{day:yyyy-MM-dd} is already a bank holiday.",
                new Dictionary<string, string[]> { ["date"] = [$"{day:d MMMM yyyy} is already a bank holiday"] }));
        var holiday = new BankHoliday { Date = day, Name = name!.Trim() };
        db.BankHolidays.Add(holiday);
        audit.Record(actor, AuditActions.Create, "bank-holiday", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), detail: holiday.Name);
        await db.SaveChangesAsync(ct);
        return holiday;
    }
}
