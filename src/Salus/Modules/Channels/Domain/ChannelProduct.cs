using Salus.Platform.Results;

namespace Salus.Modules.Channels.Domain;

/// <summary>The one rule for <see cref="Channel.Product"/>, shared by the page and the API.</summary>
public static class ChannelProduct
{
    public const int MaxLength = 200;

    /// <summary>Trimmed; blank = no product (null); at most <see cref="MaxLength"/> characters on one line.</summary>
    public static Result<string?> Parse(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Result<string?>.Success(null);
        }

        if (trimmed.Length > MaxLength)
        {
            return Invalid($"At most {MaxLength} characters (got {trimmed.Length}).");
        }

        if (trimmed.Any(char.IsControl))
        {
            return Invalid("One line of text: no line breaks, tabs or control characters.");
        }

        return trimmed;
    }

    private static Error Invalid(string problem) =>
        Errors.Validation("channel.product", "The product is not valid.", new Dictionary<string, string[]> { ["product"] = [problem] });
}
