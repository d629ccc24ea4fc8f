using System.ComponentModel.DataAnnotations;

namespace Salus.Modules.Policies;

public sealed class PoliciesOptions
{
    public const string Section = "Salus:Policies";

    /// <summary>Hours between acknowledgement reminders to employees who have not acknowledged a published version.</summary>
    [Range(1, 24 * 90)]
    public int ReminderIntervalHours { get; set; } = 72;

    /// <summary>How many reminders at most per version.</summary>
    [Range(0, 50)]
    public int MaxReminders { get; set; } = 5;

    /// <summary>Default quiz pass mark (percent) for newly published versions.</summary>
    [Range(0, 100)]
    public int DefaultPassMarkPercent { get; set; } = 80;

    /// <summary>Seconds after which the rules in force are re-read in the background (publications by other nodes); 0 = never.</summary>
    [Range(0, 86_400)]
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>With <c>--demo</c>: seed and publish the Italian policy of the demo organisation.</summary>
    public bool SeedDemoPolicy { get; set; } = true;
}
