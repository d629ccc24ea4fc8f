using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Acknowledgement;

namespace Salus.Modules.Policies.Pages;

/// <summary>The employee's view: the sections still to acknowledge (only changed ones after a new version, with the changes).</summary>
[Authorize(Policy = PolicyAccess.Acknowledge)]
public sealed class AcknowledgeModel(PolicyAcknowledgementService acknowledgements) : PageModel
{
    public List<EmployeeVersionState> Versions { get; private set; } = [];

    public string? Error { get; private set; }

    public string? ErrorSection { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Versions = await acknowledgements.StateAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(Guid versionId, string sectionKey, CancellationToken ct)
    {
        var answers = new List<int>();
        for (var i = 0; Request.Form.TryGetValue($"q{i}", out var value); i++)
        {
            answers.Add(int.TryParse(value, out var a) ? a : -1);
        }

        var result = await acknowledgements.AcknowledgeAsync(versionId, new AcknowledgeRequest(sectionKey, answers), User.UserId(), ct);
        if (result.IsSuccess)
        {
            return Redirect("/policies/acknowledge");
        }

        Error = result.Error!.Message;
        ErrorSection = sectionKey;
        await OnGetAsync(ct);
        return Page();
    }
}
