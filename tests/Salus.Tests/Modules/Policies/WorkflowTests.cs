using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Text;

namespace Salus.Tests.Modules.Policies;

public sealed class WorkflowTests
{
    [Theory]
    [InlineData(PolicyStatus.Draft, PolicyStatus.InReview)]
    [InlineData(PolicyStatus.InReview, PolicyStatus.ChangesRequested)]
    [InlineData(PolicyStatus.InReview, PolicyStatus.Approved)]
    [InlineData(PolicyStatus.ChangesRequested, PolicyStatus.InReview)]
    [InlineData(PolicyStatus.Approved, PolicyStatus.Published)]
    [InlineData(PolicyStatus.Published, PolicyStatus.Superseded)]
    public void Legal_transitions_are_allowed(PolicyStatus from, PolicyStatus to) => Assert.True(PolicyWorkflow.CanMove(from, to));

    [Theory]
    [InlineData(PolicyStatus.Draft, PolicyStatus.Published)]
    [InlineData(PolicyStatus.Draft, PolicyStatus.Approved)]
    [InlineData(PolicyStatus.InReview, PolicyStatus.Published)]
    [InlineData(PolicyStatus.ChangesRequested, PolicyStatus.Published)]
    [InlineData(PolicyStatus.Published, PolicyStatus.Draft)]
    [InlineData(PolicyStatus.Superseded, PolicyStatus.Published)]
    [InlineData(PolicyStatus.Superseded, PolicyStatus.Draft)]
    public void Illegal_transitions_are_rejected(PolicyStatus from, PolicyStatus to) => Assert.False(PolicyWorkflow.CanMove(from, to));

    [Fact]
    public void Nothing_leaves_superseded_and_only_draft_or_changes_requested_is_editable()
    {
        Assert.All(Enum.GetValues<PolicyStatus>(), to => Assert.False(PolicyWorkflow.CanMove(PolicyStatus.Superseded, to)));
        Assert.Equal([PolicyStatus.Draft, PolicyStatus.ChangesRequested], Enum.GetValues<PolicyStatus>().Where(PolicyWorkflow.IsEditable));
    }

    [Fact]
    public void Word_diff_marks_exactly_the_changed_words()
    {
        var pieces = WordDiff.Compare("Never name prescription medicines in posts.", "Never name prescription-only medicines in public posts.");
        Assert.Equal("Never name prescription medicines in posts.", string.Concat(pieces.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal("Never name prescription-only medicines in public posts.", string.Concat(pieces.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
        Assert.Equal(["prescription "], pieces.Where(p => p.Kind == DiffKind.Removed).Select(p => p.Text));
        Assert.Equal(["prescription-only ", "public "], pieces.Where(p => p.Kind == DiffKind.Added).Select(p => p.Text));
        Assert.False(WordDiff.HasChanges(WordDiff.Compare("same text", "same text")));
    }

    [Fact]
    public void Markdown_is_rendered_and_sanitised()
    {
        var html = PolicyMarkdown.ToHtml("**bold** <script>alert(1)</script> [x](javascript:alert(1))");
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class QuizTextTests
{
    [Fact]
    public void Quiz_text_round_trips_and_errors_name_the_problem()
    {
        var (quiz, error) = Salus.Modules.Policies.Text.QuizText.Parse("? Within how long?\n+ One business day\n- One week\n\n? Name Rx drugs?\n- Yes\n+ No\n");
        Assert.Null(error);
        Assert.Equal(2, quiz.Count);
        Assert.Equal((0, 1), (quiz[0].Answer, quiz[1].Answer));
        var text = Salus.Modules.Policies.Text.QuizText.Format(quiz);
        Assert.Equal(text, Salus.Modules.Policies.Text.QuizText.Format(Salus.Modules.Policies.Text.QuizText.Parse(text).Quiz));
        Assert.Equal(["One business day", "One week"], quiz[0].Options);

        Assert.Contains("marked right", Salus.Modules.Policies.Text.QuizText.Parse("? Q\n- a\n- b").Error, StringComparison.Ordinal);
        Assert.Contains("Line 2", Salus.Modules.Policies.Text.QuizText.Parse("? Q\nno marker").Error, StringComparison.Ordinal);
        Assert.Contains("Line 3", Salus.Modules.Policies.Text.QuizText.Parse("? Q\n+ a\n+ b").Error, StringComparison.Ordinal);
    }
}
