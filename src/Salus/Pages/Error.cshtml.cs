using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Salus.Platform.Localization;

namespace Salus.Pages;

/// <summary>The page people see for unhandled errors and for empty error responses (404, 400...), in their language.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code;
        var (title, text) = code switch
        {
            404 => (l["Page not found"], l["There is nothing at this address. Check the link, or start again from the home page."]),
            400 => (l["The request could not be accepted"], l["The form may have expired. Go back, reload the page and try again."]),
            403 => (l["Access denied"], l["Your roles do not give access to this page."]),
            429 => (l["Too many requests"], l["Wait a moment before trying again."]),
            _ => (l["Something went wrong"], l["The error was recorded. Nothing you entered was saved twice; you can try again."]),
        };
        (Title, Explanation) = (title.Value, text.Value);
    }
}
