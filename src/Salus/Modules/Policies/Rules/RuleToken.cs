namespace Salus.Modules.Policies.Rules;

internal enum TokenKind
{
    Word,
    String,
    Symbol,
    End,
}

/// <summary>A token of a rules block; <see cref="Line"/> and <see cref="Column"/> are 1-based in the section's Markdown.</summary>
internal sealed record RuleToken(TokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the block",
        TokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
