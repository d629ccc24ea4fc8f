namespace Salus.Screening.Detectors;

/// <summary>The runs of letters of a text, read without allocating: "if I'm late" is "if", "I", "m", "late".</summary>
internal static class LetterWords
{
    /// <summary>Whether any run of letters of <paramref name="text"/> passes <paramref name="test"/>.</summary>
    public static bool Any(ReadOnlySpan<char> text, Func<ReadOnlySpan<char>, bool> test)
    {
        while (!text.IsEmpty)
        {
            int start = 0;
            while (start < text.Length && !char.IsLetter(text[start]))
            {
                start++;
            }

            int end = start;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            if (end > start && test(text[start..end]))
            {
                return true;
            }

            text = text[end..];
        }

        return false;
    }
}
