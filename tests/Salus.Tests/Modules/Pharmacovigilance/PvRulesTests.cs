using Salus.Modules.Pharmacovigilance.Domain;

namespace Salus.Tests.Modules.Pharmacovigilance;

/// <summary>The pure rules: minimum criteria and day 0, the reporting-timeline table, duplicate scoring, redaction.</summary>
public sealed class PvRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Day0_waits_for_all_four_criteria_and_is_the_day_the_last_one_became_known()
    {
        var c = new PvCase();
        c.SetCriterion(Criterion.Reaction, "rash", Monday);
        c.SetCriterion(Criterion.Product, "Zoloft", Monday);
        c.SetCriterion(Criterion.Reporter, "account", Monday.AddDays(-1));
        Assert.Null(c.Day0);
        c.SetCriterion(Criterion.Patient, "the reporter", Monday.AddDays(3).AddHours(13));
        Assert.Equal(new DateOnly(2026, 11, 5), c.Day0);

        c.Day0Override = new DateOnly(2026, 11, 1);
        Assert.Equal(new DateOnly(2026, 11, 1), c.Day0);
        Assert.Equal(new DateOnly(2026, 11, 5), c.ComputedDay0);
    }

    [Theory]
    [InlineData("IT", true, null, 15, "expedited-15")]
    [InlineData("IT", false, null, 90, "expedited-90")]
    [InlineData("EU", true, false, 15, "expedited-15")]
    [InlineData("eu", false, true, 90, "expedited-90")]
    [InlineData("US", true, true, 15, "fda-15-day-alert")]
    [InlineData("US", true, null, 15, "fda-15-day-alert")]
    [InlineData("US", true, false, null, "periodic")]
    [InlineData("US", false, true, null, "periodic")]
    [InlineData("DE", true, null, 15, "expedited-15")]
    [InlineData(null, false, null, 90, "expedited-90")]
    public void Due_date_comes_from_the_table_by_market_seriousness_and_expectedness(string? market, bool serious, bool? unexpected, int? days, string kind)
    {
        var rule = ReportingRules.For(market, serious, unexpected);
        Assert.Equal(kind, rule.Kind);
        Assert.Equal(days, rule.Days);
        var day0 = new DateOnly(2026, 11, 5);
        Assert.Equal(days is { } d ? day0.AddDays(d) : null, ReportingRules.DueDate(day0, rule));
        Assert.Null(ReportingRules.DueDate(null, rule));
    }

    [Fact]
    public void Every_market_in_the_table_has_a_rule_for_each_combination()
    {
        foreach (var market in ReportingRules.Default.Select(r => r.Market).Distinct())
        {
            foreach (var serious in new[] { true, false })
            {
                foreach (var unexpected in new bool?[] { true, false, null })
                {
                    Assert.NotNull(ReportingRules.For(market, serious, unexpected));
                }
            }
        }
    }

    [Fact]
    public void Any_ich_criterion_makes_a_case_serious()
    {
        Assert.False(new Seriousness().IsSerious);
        Assert.True(new Seriousness(Death: true).IsSerious);
        Assert.True(new Seriousness(CongenitalAnomaly: true).IsSerious);
        Assert.True(new Seriousness(OtherMedicallyImportant: true).IsSerious);
        Assert.Equal(["life-threatening", "hospitalisation"], new Seriousness(LifeThreatening: true, Hospitalisation: true).Names);
    }

    [Fact]
    public void Same_person_product_and_reaction_across_channels_scores_one_and_two_of_three_meet_the_threshold()
    {
        var a = new DuplicateProfile(Guid.NewGuid(), "fb-1", "@Mario.Rossi", "Mario", ["zoloft", "sertraline"], ["nausea"], Monday);
        var sameEverything = new DuplicateProfile(Guid.NewGuid(), "ig-9", "mario_rossi", null, ["sertraline"], ["nausea"], Monday.AddDays(40));
        var full = DuplicateScorer.Score(a, sameEverything);
        Assert.Equal(1.0, full.Score);
        Assert.Contains("same reporter handle", full.Reason, StringComparison.Ordinal);
        Assert.Contains("40 days apart", full.Reason, StringComparison.Ordinal);

        var otherPerson = sameEverything with { ReporterPlatformId = "x", ReporterHandle = "luigi" };
        Assert.Equal(0.6, DuplicateScorer.Score(a, otherPerson).Score);
        Assert.True(DuplicateScorer.Score(a, otherPerson).Score >= DuplicateScorer.Threshold);

        var onlyProduct = otherPerson with { ReactionKeys = ["rash"] };
        Assert.True(DuplicateScorer.Score(a, onlyProduct).Score < DuplicateScorer.Threshold);
    }

    [Fact]
    public void Redaction_replaces_the_reporter_with_the_pseudonym_and_masks_other_mentions()
    {
        var text = Pseudonyms.Redact("Ciao @giulia_b, sono Giulia B. e scrivo anche a @pharma_help", "RPT-1", "giulia_b", "Giulia B.");
        Assert.Equal("Ciao RPT-1, sono RPT-1 e scrivo anche a @***", text);
        Assert.Matches("^RPT-[0-9A-F]{8}$", Pseudonyms.NewReporterPseudonym());
    }

    [Fact]
    public void Follow_up_templates_exist_in_english_and_italian_and_name_the_case()
    {
        foreach (var t in FollowUpTemplates.All)
        {
            Assert.Contains("PV-2026-0001", t.Render("en", "PV-2026-0001"), StringComparison.Ordinal);
            Assert.Contains("PV-2026-0001", t.Render("it", "PV-2026-0001"), StringComparison.Ordinal);
            Assert.NotEqual(t.English, t.Italian);
        }
    }
}
