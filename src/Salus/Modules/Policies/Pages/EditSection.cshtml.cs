using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Rules;
using Salus.Modules.Policies.Text;
using Salus.Platform.Persistence;

namespace Salus.Modules.Policies.Pages;

/// <summary>The owner edits a section; other collaborators propose the same edit for the owner to accept or reject.</summary>
[Authorize(Policy = PolicyAccess.Collaborate)]
public sealed class EditSectionModel(SalusDbContext db, PolicyAuthoring authoring) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Body { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? Quiz { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<RuleCompileError> RuleErrors { get; private set; } = [];

    public string VersionLabel { get; private set; } = "";

    public bool Proposing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, Id, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return NotFound();
        }

        Proposing = !CanEdit(loaded.Value);
        var section = loaded.Value.Sections.FirstOrDefault(s => s.Key == Key);
        Title = section?.Title;
        Body = section?.Body;
        Quiz = section is null ? null : QuizText.Format(section.Quiz);
        VersionLabel = loaded.Value.Label(loaded.Value.Policy!);
        RuleErrors = [.. PolicyAuthoring.Compile(loaded.Value).Errors.Where(e => e.SectionKey == Key)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, Id, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return NotFound();
        }

        VersionLabel = loaded.Value.Label(loaded.Value.Policy!);
        Proposing = !CanEdit(loaded.Value);
        if (Proposing)
        {
            var proposed = await authoring.ProposeAsync(Id, new ProposalRequest(Key, Body, Reason), User.UserId(), User.DisplayName(), ct);
            if (!proposed.IsSuccess)
            {
                Error = proposed.Error!.Message;
                return Page();
            }

            return Redirect($"/policies/versions/{Id}#proposals");
        }

        var (quiz, quizError) = QuizText.Parse(Quiz);
        if (quizError is not null)
        {
            Error = quizError;
            return Page();
        }

        var result = await authoring.SaveSectionAsync(Id, Key, new SaveSectionRequest(Title, Body, quiz, Reason), ct);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message + (result.Error.Fields is { } f ? " " + string.Join(" ", f.SelectMany(x => x.Value)) : "");
            return Page();
        }

        RuleErrors = [.. result.Value.Where(e => e.SectionKey == Key)];
        return RuleErrors.Count == 0 ? Redirect($"/policies/versions/{Id}#s-{Key}") : Page();
    }

    private bool CanEdit(PolicyVersion version) => PolicyAccess.OwnRoles.Any(User.IsInRole) && PolicyWorkflow.IsEditable(version.Status);
}
