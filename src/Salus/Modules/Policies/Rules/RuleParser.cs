using System.Globalization;
using Salus.Screening;
using Salus.Screening.Cli;
using Salus.Screening.Rules;

namespace Salus.Modules.Policies.Rules;

/// <summary>A rule as written, before it is bound to a clause number and a version label.</summary>
internal sealed record ParsedRule(string Id, string? Clause, Condition Condition, Decision Action, string Message,
    string? RouteTo, int? DeadlineHours, string? Disclosure, bool OpenCase, int Line, int Column);

/// <summary>Thrown inside the parser only: the rule being parsed is abandoned and the parser resumes at the next <c>rule</c>.</summary>
internal sealed class RuleSyntaxException(RuleToken at, string message) : Exception(message)
{
    public RuleToken At { get; } = at;
}

/// <summary>
/// Recursive-descent parser of the policy rule language (docs/policy-rules.md). Every error carries the line and
/// column of the token where it was found; after an error the parser skips to the next <c>rule</c>.
/// </summary>
internal sealed class RuleParser
{
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "rule", "when", "then", "message", "route", "within", "disclose", "open-case",
    };

    private static readonly string[] ContextNames = ["inbound", "outbound", "employee-share", "community", "reply"];

    private readonly List<RuleToken> _tokens;
    private int _pos;

    private RuleParser(List<RuleToken> tokens) => _tokens = tokens;

    public static List<ParsedRule> Parse(List<RuleToken> tokens, List<(int Line, int Column, string Message)> errors)
    {
        var parser = new RuleParser(tokens);
        var rules = new List<ParsedRule>();
        while (parser.Peek.Kind != TokenKind.End)
        {
            try
            {
                rules.Add(parser.ParseRule());
            }
            catch (RuleSyntaxException ex)
            {
                errors.Add((ex.At.Line, ex.At.Column, ex.Message));
                parser.SkipToNextRule();
            }
        }

        return rules;
    }

    private RuleToken Peek => _tokens[_pos];

    private RuleToken Next() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private void SkipToNextRule()
    {
        do
        {
            Next();
        }
        while (Peek.Kind != TokenKind.End && !Peek.Is("rule"));
    }

    private ParsedRule ParseRule()
    {
        var start = Next();
        if (!start.Is("rule"))
        {
            throw new RuleSyntaxException(start, $"Expected 'rule' to start a rule, found {start.Describe()}.");
        }

        var name = Next();
        if (name.Kind != TokenKind.Word)
        {
            throw new RuleSyntaxException(name, $"Expected a rule name after 'rule' (e.g. rule rx-share), found {name.Describe()}.");
        }

        var id = name.Text;
        string? clause = null;
        if (Peek.Is("clause"))
        {
            Next();
            clause = ExpectWordOrString("a clause number after 'clause' (e.g. clause 5.2)");
        }

        if (Peek.IsSymbol(":"))
        {
            Next();
        }

        Condition? condition = null;
        Decision? action = null;
        string? message = null, route = null, disclosure = null;
        int? deadline = null;
        var openCase = false;
        while (Peek.Kind != TokenKind.End && !Peek.Is("rule"))
        {
            var word = Next();
            switch (word.Text.ToLowerInvariant())
            {
                case "when" when condition is null:
                    condition = ParseOr();
                    break;
                case "then" when action is null:
                    action = ParseAction();
                    break;
                case "message" when message is null:
                    message = ExpectString("the message in quotes after 'message'");
                    break;
                case "route" when route is null:
                    if (Peek.Is("to"))
                    {
                        Next();
                    }

                    route = ExpectWord("a queue after 'route' (e.g. route pharmacovigilance)").ToLowerInvariant();
                    break;
                case "within" when deadline is null:
                    deadline = ParseHours();
                    break;
                case "disclose" when disclosure is null:
                    disclosure = ExpectString("the disclosure text in quotes after 'disclose' (e.g. disclose \"#employee\")");
                    break;
                case "open-case":
                    openCase = true;
                    break;
                default:
                    throw new RuleSyntaxException(word, ClauseWords.Contains(word.Text)
                        ? $"'{word.Text}' appears twice in rule '{id}'."
                        : $"Expected when, then, message, route, within, disclose or open-case in rule '{id}', found {word.Describe()}.");
            }
        }

        if (condition is null)
        {
            throw new RuleSyntaxException(start, $"Rule '{id}' has no 'when' condition.");
        }

        if (action is null)
        {
            throw new RuleSyntaxException(start, $"Rule '{id}' has no 'then' action (allow, review, block or escalate).");
        }

        if (message is null)
        {
            throw new RuleSyntaxException(start, $"Rule '{id}' has no message: people must see why it fired.");
        }

        return new ParsedRule(id, clause, condition, action.Value, message, route, deadline, disclosure, openCase, start.Line, start.Column);
    }

    private Decision ParseAction()
    {
        var t = Next();
        return t.Text.ToLowerInvariant() switch
        {
            "allow" => Decision.Allow,
            "review" => Decision.Review,
            "block" => Decision.Block,
            "escalate" => Decision.Escalate,
            _ => throw new RuleSyntaxException(t, $"Unknown action {t.Describe()}: use allow, review, block or escalate."),
        };
    }

    private int ParseHours()
    {
        var t = Next();
        var text = t.Text.ToLowerInvariant();
        var digits = text.EndsWith('h') ? text[..^1] : text;
        if (t.Kind != TokenKind.Word || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours <= 0)
        {
            throw new RuleSyntaxException(t, $"Expected a number of hours after 'within' (e.g. within 24h), found {t.Describe()}.");
        }

        if (Peek.Is("h") || Peek.Is("hours") || Peek.Is("hour"))
        {
            Next();
        }

        return hours;
    }

    private Condition ParseOr()
    {
        var parts = new List<Condition> { ParseAnd() };
        while (Peek.Is("or"))
        {
            Next();
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new AnyOf(parts);
    }

    private Condition ParseAnd()
    {
        var parts = new List<Condition> { ParseUnary() };
        while (Peek.Is("and"))
        {
            Next();
            parts.Add(ParseUnary());
        }

        if (Peek.Kind != TokenKind.End && !Peek.Is("or") && !Peek.IsSymbol(")") && !ClauseWords.Contains(Peek.Text))
        {
            throw new RuleSyntaxException(Peek, $"Expected 'and', 'or' or 'then', found {Peek.Describe()}.");
        }

        return parts.Count == 1 ? parts[0] : new AllOf(parts);
    }

    private Condition ParseUnary()
    {
        if (Peek.Is("not"))
        {
            Next();
            return new NotCondition(ParseUnary());
        }

        if (Peek.IsSymbol("("))
        {
            var open = Next();
            var inner = ParseOr();
            if (!Peek.IsSymbol(")"))
            {
                throw new RuleSyntaxException(Peek, $"The parenthesis opened at line {open.Line}, column {open.Column} is not closed.");
            }

            Next();
            return inner;
        }

        return ParseAtom();
    }

    private Condition ParseAtom()
    {
        var t = Next();
        if (t.Kind != TokenKind.Word)
        {
            throw new RuleSyntaxException(t, $"Expected a condition (context, channel, market, language or a category), found {t.Describe()}.");
        }

        switch (t.Text.ToLowerInvariant())
        {
            case "always":
                return Condition.Always;
            case "context":
                ExpectIsOrIn("context");
                return new ContextIs([.. ParseList("a context").Select(ParseContext)]);
            case "channel":
                ExpectIsOrIn("channel");
                return new ChannelIs([.. ParseList("a channel").Select(c => c.Text.ToLowerInvariant())]);
            case "market":
                ExpectIsOrIn("market");
                return new MarketIs([.. ParseList("a market").Select(ParseMarket)]);
            case "language":
                ExpectIsOrIn("language");
                return new LanguageIs([.. ParseList("a language").Select(ParseLanguage)]);
            default:
                return ParseCategoryTest(t);
        }
    }

    private Condition ParseCategoryTest(RuleToken t)
    {
        var category = t.Text.ToLowerInvariant();
        if (!Categories.All.Contains(category))
        {
            throw new RuleSyntaxException(t, $"Unknown condition or category '{t.Text}'. Categories: {string.Join(", ", Categories.All)}.");
        }

        if (Peek.Is("is"))
        {
            Next();
            var fact = ExpectWord($"a fact after '{category} is' (e.g. prescription-only)").ToLowerInvariant();
            string? market = null;
            if (Peek.Is("in"))
            {
                Next();
                market = ParseMarket(Next());
            }

            return new FindingFact(category, fact, "true", market);
        }

        if (Peek.Is("has"))
        {
            Next();
            var fact = ExpectWord($"a fact name after '{category} has'").ToLowerInvariant();
            if (!Peek.IsSymbol("="))
            {
                throw new RuleSyntaxException(Peek, $"Expected '=' and a value after '{category} has {fact}', found {Peek.Describe()}.");
            }

            Next();
            return new FindingFact(category, fact, ExpectWordOrString("a value after '='"));
        }

        if (Peek.Is("score"))
        {
            Next();
            if (!Peek.IsSymbol(">="))
            {
                throw new RuleSyntaxException(Peek, $"Expected '>=' after 'score', found {Peek.Describe()}.");
            }

            Next();
            var n = Next();
            if (!double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var min) || min is < 0 or > 1)
            {
                throw new RuleSyntaxException(n, $"A score is a number between 0 and 1 (e.g. 0.8), found {n.Describe()}.");
            }

            return new HasCategory(category, min);
        }

        return new HasCategory(category);
    }

    private void ExpectIsOrIn(string subject)
    {
        var t = Next();
        if (!t.Is("is") && !t.Is("in"))
        {
            throw new RuleSyntaxException(t, $"Expected 'is' or 'in' after '{subject}', found {t.Describe()}.");
        }
    }

    private List<RuleToken> ParseList(string what)
    {
        var items = new List<RuleToken>();
        do
        {
            if (items.Count > 0)
            {
                Next();
            }

            var t = Next();
            if (t.Kind != TokenKind.Word)
            {
                throw new RuleSyntaxException(t, $"Expected {what}, found {t.Describe()}.");
            }

            items.Add(t);
        }
        while (Peek.IsSymbol(","));
        return items;
    }

    private static ScreeningContext ParseContext(RuleToken t) =>
        JsonlScreening.TryParseContext(t.Text.ToLowerInvariant(), out var context) && ContextNames.Contains(t.Text.ToLowerInvariant())
            ? context
            : throw new RuleSyntaxException(t, $"Unknown context '{t.Text}'. Use {string.Join(", ", ContextNames)}.");

    private static string ParseMarket(RuleToken t) =>
        t.Kind == TokenKind.Word && t.Text.Length == 2 && t.Text.All(char.IsAsciiLetter)
            ? t.Text.ToUpperInvariant()
            : throw new RuleSyntaxException(t, $"A market is a two-letter code such as IT, US or EU, found {t.Describe()}.");

    private static string ParseLanguage(RuleToken t) =>
        t.Text.ToLowerInvariant() is "en" or "it"
            ? t.Text.ToLowerInvariant()
            : throw new RuleSyntaxException(t, $"Unknown language '{t.Text}'. Use en or it.");

    private string ExpectWord(string what)
    {
        var t = Next();
        return t.Kind == TokenKind.Word && !ClauseWords.Contains(t.Text)
            ? t.Text
            : throw new RuleSyntaxException(t, $"Expected {what}, found {t.Describe()}.");
    }

    private string ExpectString(string what)
    {
        var t = Next();
        return t.Kind == TokenKind.String && t.Text.Trim().Length > 0
            ? t.Text.Trim()
            : throw new RuleSyntaxException(t, $"Expected {what}, found {t.Describe()}.");
    }

    private string ExpectWordOrString(string what)
    {
        var t = Next();
        return t.Kind is TokenKind.Word or TokenKind.String ? t.Text : throw new RuleSyntaxException(t, $"Expected {what}, found {t.Describe()}.");
    }
}
