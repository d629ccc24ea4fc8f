using Salus.Screening.Rules;
using Xunit;

namespace Salus.Screening.Tests;

public sealed class RuleTests
{
    private static RuleInput Input(ScreeningContext ctx, string? market, params string[] categories) =>
        new(new ScreeningRequest("x", "en", ctx, market, "facebook"), "en", categories,
            [new Finding(Categories.DrugMention, 0, 1, "x", "DB1", 0.9, new Dictionary<string, string> { ["rx-us"] = "true", ["rx-it"] = "false" })],
            new Dictionary<string, double>());

    [Fact]
    public void Most_severe_decision_wins_and_every_fired_rule_is_cited()
    {
        var set = new RuleSet("t", "v1",
        [
            new Rule("a", "1.1", "v1", Condition.Found(Categories.DrugMention), Decision.Review, "review drugs"),
            new Rule("b", "1.2", "v1", Condition.Found(Categories.Crisis), Decision.Escalate, "crisis"),
            new Rule("c", "1.3", "v1", Condition.Always, Decision.Allow, "always"),
        ]);
        var e = set.Evaluate(Input(ScreeningContext.Inbound, null, Categories.DrugMention, Categories.Crisis));
        Assert.Equal(Decision.Escalate, e.Decision);
        Assert.Equal(["a", "b", "c"], e.Reasons.Select(r => r.RuleId));
        Assert.All(e.Reasons, r => Assert.Equal("v1", r.PolicyVersion));
    }

    [Fact]
    public void Conditions_test_context_channel_market_language_and_finding_facts()
    {
        var rx = new FindingFact(Categories.DrugMention, "prescription-only", "true");
        Assert.True(rx.Evaluate(Input(ScreeningContext.Outbound, "US")));
        Assert.False(rx.Evaluate(Input(ScreeningContext.Outbound, "IT")));
        Assert.True(new FindingFact(Categories.DrugMention, "prescription-only", "true", "US").Evaluate(Input(ScreeningContext.Outbound, "IT")));
        Assert.True(new ChannelIs(["Facebook"]).Evaluate(Input(ScreeningContext.Inbound, null)));
        Assert.False(new MarketIs(["IT"]).Evaluate(Input(ScreeningContext.Inbound, "US")));
        Assert.True(new LanguageIs(["en"]).Evaluate(Input(ScreeningContext.Inbound, null)));
        Assert.True(Condition.And(Condition.InContext(ScreeningContext.Outbound), Condition.Not(Condition.Found(Categories.Crisis))).Evaluate(Input(ScreeningContext.Outbound, null)));
        Assert.False(Condition.Or(Condition.InContext(ScreeningContext.Reply), Condition.Found(Categories.Abuse)).Evaluate(Input(ScreeningContext.Outbound, null)));
    }

    [Fact]
    public void No_rule_firing_allows()
    {
        var set = new RuleSet("t", "v1", [new Rule("a", "1", "v1", Condition.Found(Categories.Crisis), Decision.Escalate, "m")]);
        var e = set.Evaluate(Input(ScreeningContext.Inbound, null));
        Assert.Equal(Decision.Allow, e.Decision);
        Assert.Empty(e.Reasons);
    }

    [Fact]
    public void A_custom_rule_set_on_the_request_replaces_the_default_and_is_cited_on_findings()
    {
        var set = new RuleSet("custom", "2026-01", [new Rule("rx-it", "§4.2", "2026-01", new FindingFact(Categories.DrugMention, "prescription-only", "true", "US"), Decision.Block, "no Rx names") { RouteTo = "mlr" }]);
        var r = Screener.CreateDefault().Screen(new ScreeningRequest("Try Zoloft", "en", ScreeningContext.Outbound, "US", null, set));
        Assert.Equal(Decision.Block, r.Decision);
        var reason = Assert.Single(r.Reasons);
        Assert.Equal("§4.2", reason.ClauseRef);
        Assert.Equal("mlr", reason.RouteTo);
        Assert.Contains(r.Findings, f => f.RuleId == "rx-it" && f.ClauseRef == "§4.2");
        Assert.Equal(["§4.2@2026-01"], r.Clauses);
    }

    [Fact]
    public void Default_rules_escalate_adverse_events_to_pharmacovigilance()
    {
        var r = Screener.CreateDefault().Screen(new ScreeningRequest("Zoloft gave me awful headaches", "en"));
        Assert.Equal(Decision.Escalate, r.Decision);
        Assert.Contains(r.Reasons, x => x.RuleId == "ae-escalate" && x.RouteTo == "pharmacovigilance" && x.PolicyVersion == DefaultRules.Version);
    }
}
