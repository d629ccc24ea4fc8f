using System.ComponentModel.DataAnnotations;

namespace Salus.Platform.Identity;

public sealed class SecurityOptions
{
    public const string Section = "Salus:Security";

    /// <summary>Sign out after this long without activity.</summary>
    [Range(1, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign out this long after signing in, whatever the activity.</summary>
    [Range(1, 7 * 24)]
    public int AbsoluteTimeoutHours { get; set; } = 12;

    [Range(12, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    [Range(3, 20)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Requests per minute per client on everything.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Sign-in and signing attempts per minute per client.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Send HSTS (turn off only behind a proxy that sets it).</summary>
    public bool Hsts { get; set; } = true;
}

public sealed class OidcOptions
{
    public const string Section = "Salus:Oidc";

    public bool Enabled { get; set; }

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Refuse an authority that is not HTTPS (turn off only for a local test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Button text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Single sign-on";
}
