namespace Salus.Screening.Lexicons;

/// <summary>What a term in the combined automaton stands for.</summary>
public enum LexiconKind
{
    Drug,
    Reaction,
    Withdrawal,
    AeCue,
    Negation,
    Speculation,
    Indication,
    Efficacy,
    Inquiry,
    Crisis,
    Promotional,
    Abuse,
    Disclosure,
    HealthPerson,
    Condition,
    DrugCue,
    FirstPerson,
    Stopword,
    IdentityCue,
    ThirdPerson,
    CausalityDenial,
    CrisisTopic,
}

/// <summary>One meaning of a pattern: kind, language (null = any), a tag (reaction id, cue kind...), a value, and for drugs the entry.</summary>
public sealed record TermInfo(LexiconKind Kind, string? Language, string Term, string? Tag, int Value, DrugEntry? Drug);
