using System.Text;

namespace Salus.Modules.Policies.Rules;

/// <summary>Splits the lines of a rules block into words, quoted strings and the symbols ( ) , = &gt;=; # starts a comment.</summary>
internal static class RuleLexer
{
    public static List<RuleToken> Tokenize(IReadOnlyList<(int Line, string Text)> lines, List<(int Line, int Column, string Message)> errors)
    {
        var tokens = new List<RuleToken>();
        foreach (var (lineNo, text) in lines)
        {
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '#')
                {
                    break;
                }
                else if (c == '"')
                {
                    var start = i;
                    var sb = new StringBuilder();
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            sb.Append(text[i + 1]);
                            i += 2;
                        }
                        else if (text[i] == '"')
                        {
                            closed = true;
                            i++;
                            break;
                        }
                        else
                        {
                            sb.Append(text[i++]);
                        }
                    }

                    if (!closed)
                    {
                        errors.Add((lineNo, start + 1, "This text has no closing quote (\"); a message must fit on one line."));
                    }

                    tokens.Add(new RuleToken(TokenKind.String, sb.ToString(), lineNo, start + 1));
                }
                else if (c == '>' && i + 1 < text.Length && text[i + 1] == '=')
                {
                    tokens.Add(new RuleToken(TokenKind.Symbol, ">=", lineNo, i + 1));
                    i += 2;
                }
                else if (c is '(' or ')' or ',' or '=' or ':')
                {
                    tokens.Add(new RuleToken(TokenKind.Symbol, c.ToString(), lineNo, i + 1));
                    i++;
                }
                else if (IsWordChar(c))
                {
                    var start = i;
                    while (i < text.Length && IsWordChar(text[i]))
                    {
                        i++;
                    }

                    tokens.Add(new RuleToken(TokenKind.Word, text[start..i], lineNo, start + 1));
                }
                else
                {
                    errors.Add((lineNo, i + 1, $"Unexpected character '{c}'."));
                    i++;
                }
            }
        }

        var last = lines.Count > 0 ? lines[^1] : (0, "");
        tokens.Add(new RuleToken(TokenKind.End, "", last.Item1, last.Item2.Length + 1));
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '§' or '/';
}
