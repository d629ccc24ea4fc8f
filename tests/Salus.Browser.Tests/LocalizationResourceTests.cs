using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Localization;

namespace Salus.Browser.Tests;

/// <summary>
/// The resource lookup works for an assembly (Salus.App) whose name differs from its root namespace (Salus), and the
/// Italian file covers every key the UI uses. No browser needed.
/// </summary>
public sealed partial class LocalizationResourceTests
{
    private static IStringLocalizer<SharedResource> Localizer()
    {
        // The same registration as SalusWebApp.ConfigureServices.
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public void Italian_text_is_found_although_the_assembly_name_differs_from_the_root_namespace()
    {
        var l = Localizer();
        var signIn = InCulture("it", () => l["Sign in"]);
        Assert.False(signIn.ResourceNotFound, $"Looked for {signIn.SearchedLocation}");
        Assert.Equal("Accedi", signIn.Value);
        Assert.Equal("Ti diamo il benvenuto, Anna", InCulture("it-IT", () => l["Welcome, {0}", "Anna"].Value));
    }

    [Fact]
    public void English_shows_display_names_for_roles_and_enum_values_and_the_key_for_text()
    {
        var l = Localizer();
        Assert.Equal("Communications manager", InCulture("en", () => l[Roles.CommunicationsManager].Value));
        Assert.Equal("Human resources", InCulture("en-US", () => l[nameof(StakeholderFunction.HumanResources)].Value));
        Assert.Equal("Sign in", InCulture("en", () => l["Sign in"].Value));
    }

    [Fact]
    public void Identity_errors_a_person_can_meet_are_in_the_UI_language()
    {
        var describer = new SalusIdentityErrorDescriber(Localizer());
        Assert.Equal("La password deve essere lunga almeno 12 caratteri.", InCulture("it", () => describer.PasswordTooShort(12).Description));
        Assert.Equal("The current password is not correct.", InCulture("en", () => describer.PasswordMismatch().Description));
    }

    public static TheoryData<string> Identifiers()
    {
        var data = new TheoryData<string>();
        foreach (var key in Roles.All.Concat(Enum.GetNames<StakeholderFunction>()).Concat(Enum.GetNames<JobStatus>()))
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Every_role_and_enum_key_has_English_and_Italian_display_text(string key)
    {
        var l = Localizer();
        var en = InCulture("en", () => l[key]);
        var it = InCulture("it", () => l[key]);
        Assert.False(en.ResourceNotFound, $"'{key}' missing in SharedResource.en.resx");
        Assert.False(it.ResourceNotFound, $"'{key}' missing in SharedResource.it.resx");
        Assert.DoesNotContain("-", en.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_used_in_the_pages_and_code_has_an_Italian_translation_with_the_same_placeholders()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Salus");
        var keys = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 80, $"Only {keys.Count} keys found under {root}: is the pattern still right?");

        // Keys live in SharedResource or in a module's own resource (Salus.Modules.<Name>.<Name>Resource).
        var factory = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
            .GetRequiredService<IStringLocalizerFactory>();
        var localizers = new List<IStringLocalizer> { Localizer() };
        localizers.AddRange(typeof(SharedResource).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Salus.Modules.", StringComparison.Ordinal) == true && t.Name.EndsWith("Resource", StringComparison.Ordinal))
            .Select(factory.Create));
        var missing = keys.Where(k => localizers.TrueForAll(l => InCulture("it", () => l[k]).ResourceNotFound)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Missing in SharedResource.it.resx (or the module's resource):\n" + string.Join('\n', missing));

        foreach (var l in localizers)
        {
            foreach (var entry in InCulture("it", () => l.GetAllStrings(includeParentCultures: false).ToList()))
            {
                Assert.Equal(Placeholders(entry.Name), Placeholders(entry.Value));
            }
        }
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Salus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Salus.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
