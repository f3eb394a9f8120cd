using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Calendar;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin;

/// <summary>E5: the bank holidays the working-day clock skips; administrators add days as they are announced.</summary>
public sealed class BankHolidaysModel(BankHolidayService holidays) : PageModel
{
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<BankHoliday> Holidays { get; private set; } = [];

    public async Task OnGetAsync() => Holidays = await holidays.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await holidays.AddAsync(User.ToActor(), Date, Name, HttpContext.RequestAborted);
            return Redirect("/admin/bank-holidays");
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            e.Problem.AddTo(ModelState, f => f == "date" ? nameof(Date) : f == "name" ? nameof(Name) : f);
            Holidays = await holidays.ListAsync(HttpContext.RequestAborted);
            return Page();
        }
    }
}
