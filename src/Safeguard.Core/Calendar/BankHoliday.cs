namespace Safeguard.Core.Calendar;

/// <summary>An England and Wales bank holiday, held as data an administrator can extend.</summary>
public sealed class BankHoliday
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}
