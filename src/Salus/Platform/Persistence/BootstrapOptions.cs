namespace Salus.Platform.Persistence;

public sealed class BootstrapOptions
{
    public const string Section = "Salus:Bootstrap";

    /// <summary>Seed the demo organisation (markets IT and US, one user per role). Same as <c>--demo</c>.</summary>
    public bool Demo { get; set; }

    /// <summary>Password of every demo user. Only used with <see cref="Demo"/>.</summary>
    public string DemoPassword { get; set; } = "salus-demo-2026";

    /// <summary>E-mail of the first administrator created on an empty database.</summary>
    public string AdminEmail { get; set; } = "admin@salus.local";
}
