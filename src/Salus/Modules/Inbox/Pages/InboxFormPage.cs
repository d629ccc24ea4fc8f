using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Pages;

/// <summary>
/// The inbox pages whose forms post, do one thing and come back to the page (post/redirect/get) with a message or the
/// error in the user's language.
/// </summary>
public abstract class InboxFormPage : PageModel
{
    [TempData] public string? Message { get; set; }

    [TempData] public string? Error { get; set; }

    /// <summary>Shows <paramref name="message"/> or the failure, back on <paramref name="page"/>.</summary>
    protected RedirectResult Done<T>(Result<T> result, string message, string page)
    {
        if (result.IsSuccess)
        {
            Message = message;
        }
        else
        {
            Error = result.Error!.Describe();
        }

        return Redirect(page);
    }

    /// <summary>An MLR approval's expiry as the form's date field sends it (UTC); null when missing or unreadable.</summary>
    protected static DateTime? ParseExpiry(string? expires) =>
        DateTime.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
