using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Rules;
using Salus.Modules.Policies.Templates;
using Salus.Screening;
using Salus.Screening.Rules;

namespace Salus.Tests.Modules.Policies;

public sealed class RuleLanguageTests
{
    private static PolicySection Section(string body, string key = "products", int order = 4) =>
        new() { Key = key, Title = "Products", Order = order, Body = body };

    private static PolicyCompilation Compile(params PolicySection[] sections) => PolicyRuleCompiler.Compile("smp-test", "smp-test/v1", sections);

    [Fact]
    public void A_rule_block_compiles_to_engine_conditions_with_clause_from_the_section_number()
    {
        var c = Compile(Section("""
            Intro text.

            ```rules
            rule rx-share
              when context is employee-share and drug-mention is prescription-only in IT
              then block
              message "No prescription medicines."
            rule ae clause 9.9
              when adverse-event or (crisis and not context is outbound)
              then escalate
              route to pharmacovigilance within 24h
              open-case
              message "AE"
            rule disclose
              when missing-disclosure
              then block
              disclose "#dipendente"
              message "Disclose"
            ```
            """));

        Assert.True(c.Succeeded, string.Join("\n", c.Errors));
        Assert.Equal(3, c.RuleSet.Rules.Count);
        var rx = c.RuleSet.Rules[0];
        Assert.Equal("5.1", rx.ClauseRef);
        Assert.Equal("smp-test/v1", rx.PolicyVersion);
        Assert.Equal(Decision.Block, rx.Action);
        var all = Assert.IsType<AllOf>(rx.Condition);
        Assert.Equal([ScreeningContext.EmployeeShare], Assert.IsType<ContextIs>(all.Conditions[0]).Contexts);
        Assert.Equal(new FindingFact("drug-mention", "prescription-only", "true", "IT"), all.Conditions[1]);

        var ae = c.RuleSet.Rules[1];
        Assert.Equal("9.9", ae.ClauseRef);
        Assert.Equal(("pharmacovigilance", 24, true), (ae.RouteTo, ae.DeadlineHours, ae.OpenCase));
        var any = Assert.IsType<AnyOf>(ae.Condition);
        Assert.IsType<NotCondition>(Assert.IsType<AllOf>(any.Conditions[1]).Conditions[1]);
        Assert.Equal("#dipendente", c.RuleSet.Rules[2].AddDisclosure);
        Assert.Equal("5.3", c.RuleSet.Rules[2].ClauseRef);
    }

    [Theory]
    [InlineData("rule a\n  when drug-mentions\n  then block\n  message \"m\"", 2, 8, "Unknown condition or category 'drug-mentions'")]
    [InlineData("rule a\n  when context is employee-shares\n  then block\n  message \"m\"", 2, 19, "Unknown context 'employee-shares'")]
    [InlineData("rule a\n  when crisis\n  then shout\n  message \"m\"", 3, 8, "Unknown action 'shout'")]
    [InlineData("rule a\n  when crisis\n  then block\n  message \"unclosed", 4, 11, "no closing quote")]
    [InlineData("rule a\n  when crisis\n  then block", 1, 1, "has no message")]
    [InlineData("rule a\n  when (crisis and abuse\n  then block\n  message \"m\"", 3, 3, "is not closed")]
    [InlineData("rule a\n  when crisis abuse\n  then block\n  message \"m\"", 2, 15, "Expected 'and', 'or' or 'then'")]
    [InlineData("rule a\n  when market is Italy\n  then block\n  message \"m\"", 2, 18, "two-letter code")]
    [InlineData("rule a\n  when crisis\n  then escalate\n  within soon\n  message \"m\"", 4, 10, "number of hours")]
    public void Compile_errors_point_at_section_line_and_column(string rules, int line, int column, string message)
    {
        // The block starts on line 3 of the section (line 1 text, line 2 the fence).
        var c = Compile(Section("Text\n```rules\n" + rules + "\n```\n"));
        var error = Assert.Single(c.Errors);
        Assert.Equal("products", error.SectionKey);
        Assert.Equal((line + 2, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_one_rule_does_not_hide_errors_in_the_next_or_valid_rules()
    {
        var c = Compile(Section("```rules\nrule a\n when nonsense\n then block\n message \"m\"\nrule b\n when crisis\n then escalate\n message \"ok\"\nrule c\n when abuse\n then maybe\n message \"m\"\n```"));
        Assert.Equal([3, 12], c.Errors.Select(e => e.Line));
        Assert.Equal("b", Assert.Single(c.Rules).Rule.Id);
        Assert.False(c.Succeeded);
    }

    [Fact]
    public void Duplicate_rule_names_and_unclosed_blocks_are_errors()
    {
        var c = Compile(
            Section("```rules\nrule a\n when crisis\n then escalate\n message \"m\"\n```", "one", 0),
            Section("intro\n```rules\nrule A\n when abuse\n then block\n message \"m\"\n", "two", 1));
        Assert.Contains(c.Errors, e => e.SectionKey == "two" && e.Line == 3 && e.Message.Contains("already used", StringComparison.Ordinal));
        Assert.Contains(c.Errors, e => e.SectionKey == "two" && e.Line == 2 && e.Message.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_without_rule_blocks_compile_to_nothing()
    {
        var c = Compile(Section("Just text with ```code``` and\n```\nnot rules\n```"));
        Assert.True(c.Succeeded);
        Assert.Empty(c.RuleSet.Rules);
    }

    [Theory]
    [InlineData("it-pharma", "it")]
    [InlineData("it-pharma", "en")]
    [InlineData("us-hospital", "en")]
    [InlineData("us-hospital", "it")]
    [InlineData("eu-healthcare", "en")]
    [InlineData("eu-healthcare", "it")]
    public void Every_built_in_template_compiles_in_both_languages_and_covers_the_required_sections(string id, string language)
    {
        var template = PolicyTemplates.Find(id)!;
        var sections = template.Sections.Select((s, i) => new PolicySection { Key = s.Key, Order = i, Title = s.Title(language), Body = s.Body(language) }).ToList();
        var c = PolicyRuleCompiler.Compile(id, id + "/v1", sections);
        Assert.True(c.Succeeded, string.Join("\n", c.Errors));
        Assert.True(c.RuleSet.Rules.Count >= 8);
        string[] required = ["purpose", "profiles", "disclosure", "sharing", "products", "adverse-events", "privacy", "crisis", "confidentiality", "respect", "consequences", "contacts"];
        Assert.Equal(required, template.Sections.Select(s => s.Key));
        Assert.Contains(c.RuleSet.Rules, r => r.OpenCase && r.RouteTo == "pharmacovigilance" && r.DeadlineHours == 24);
    }

    [Fact]
    public void Italian_template_blocks_an_employee_share_naming_a_prescription_medicine_and_cites_clause_5_1()
    {
        var c = Template("it-pharma", "it");
        var r = Screener.CreateDefault().Screen(new ScreeningRequest("Da oggi in farmacia il nostro Ozempic, provatelo! #dipendente", "it", ScreeningContext.EmployeeShare, "IT", null, c.RuleSet));
        Assert.Equal(Decision.Block, r.Decision);
        Assert.Contains("5.1@it-pharma/v1", r.Clauses);
        Assert.Contains(r.Findings, f => f.Category == Categories.DrugMention && f.RuleId == "rx-employee-share");
    }

    [Fact]
    public void Evaluation_semantics_context_market_and_negation_decide_which_rules_fire()
    {
        var c = Compile(Section("""
            ```rules
            rule rx-it
              when drug-mention is prescription-only and market is IT and not context is inbound
              then block
              message "m1"
            rule any-drug-reply
              when drug-mention and context is reply
              then review
              route mlr
              message "m2"
            ```
            """));
        var screener = Screener.CreateDefault();
        ScreeningResult Run(ScreeningContext ctx, string market) => screener.Screen(new ScreeningRequest("Ho preso lo Zoloft ieri sera", "it", ctx, market, null, c.RuleSet));

        Assert.Equal(Decision.Block, Run(ScreeningContext.Outbound, "IT").Decision);
        Assert.Equal(Decision.Allow, Run(ScreeningContext.Inbound, "IT").Decision);
        Assert.Equal(Decision.Allow, Run(ScreeningContext.Outbound, "US").Decision);
        var reply = Run(ScreeningContext.Reply, "IT");
        Assert.Equal(Decision.Block, reply.Decision); // the most severe decision wins; both rules are cited
        Assert.Equal(["rx-it", "any-drug-reply"], reply.Reasons.Select(x => x.RuleId));
        Assert.Equal(Decision.Review, Run(ScreeningContext.Reply, "US").Decision);
    }

    private static PolicyCompilation Template(string id, string language)
    {
        var t = PolicyTemplates.Find(id)!;
        return PolicyRuleCompiler.Compile(id, id + "/v1", t.Sections.Select((s, i) => new PolicySection { Key = s.Key, Order = i, Title = s.Title(language), Body = s.Body(language) }));
    }
}
