using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Salus.Modules.Policies;

namespace Salus.Tests.Modules.Policies;

public sealed partial class PolicyLocalizationTests
{
    [Fact]
    public void Every_text_the_policy_pages_show_has_an_Italian_translation()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Salus.slnx")))
        {
            folder = folder.Parent;
        }

        var pages = Directory.GetFiles(Path.Combine(folder!.FullName, "src", "Salus", "Modules", "Policies", "Pages"), "*.cshtml");
        var keys = pages.SelectMany(p => KeyPattern().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.True(keys.Count > 50);

        var localizer = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<PolicyResource>>();
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("it");
            var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No Italian text for: " + string.Join(" | ", missing));
            Assert.Equal("in revisione", localizer["in-review"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [GeneratedRegex("P\\[\"([^\"]+)\"")]
    private static partial Regex KeyPattern();
}
