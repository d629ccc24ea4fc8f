using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Domain;

/// <summary>The organisation's social media policy for one market (IT, US, EU): a series of versions.</summary>
public sealed class Policy
{
    public Guid Id { get; set; }

    /// <summary>Short stable code cited in every screening decision (e.g. "smp-it").</summary>
    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>IT, US or EU.</summary>
    public string Market { get; set; } = "";

    /// <summary>"en" or "it": the language the text is written in.</summary>
    public string Language { get; set; } = "en";

    public string OwnerId { get; set; } = "";

    /// <summary>Functions whose approval every version needs before publication (comma-separated enum names).</summary>
    public string RequiredSignOffs { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public List<PolicyVersion> Versions { get; set; } = [];

    public IReadOnlyList<StakeholderFunction> RequiredFunctions =>
        [.. RequiredSignOffs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enum.Parse<StakeholderFunction>).Distinct().Order()];

    public void SetRequiredFunctions(IEnumerable<StakeholderFunction> functions) =>
        RequiredSignOffs = string.Join(',', functions.Distinct().Order());

    public static readonly IReadOnlyList<string> Markets = ["IT", "US", "EU"];
}
