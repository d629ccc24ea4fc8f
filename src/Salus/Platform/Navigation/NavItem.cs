using System.Security.Claims;

namespace Salus.Platform.Navigation;

/// <summary>
/// A link in the main navigation, contributed by a module (<c>services.AddSingleton(new NavItem(...))</c>) so that the
/// layout knows no module. <paramref name="Resource"/> is the type whose <c>.resx</c> holds <paramref name="LabelKey"/>.
/// </summary>
public sealed record NavItem(string Href, Type Resource, string LabelKey, int Order, Func<ClaimsPrincipal, bool> IsVisibleTo);
