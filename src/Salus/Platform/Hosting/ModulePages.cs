using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Salus.Platform.Hosting;

/// <summary>
/// Makes the Razor Pages of <c>Modules/&lt;Name&gt;/Pages</c> routable. Razor Pages only discovers pages under its root
/// folder (<c>/Pages</c>); a module page must declare an absolute route (<c>@page "/inbox"</c>), which is used as is.
/// </summary>
internal sealed class ModulePageRouteModelProvider(ApplicationPartManager parts) : IPageRouteModelProvider
{
    public int Order => -1000 + 10;

    public void OnProvidersExecuting(PageRouteModelProviderContext context)
    {
        var feature = new ViewsFeature();
        parts.PopulateFeature(feature);
        foreach (var view in feature.ViewDescriptors)
        {
            if (view.Item is not { Kind: "mvc.1.0.razor-page" } item || !item.Identifier.StartsWith("/Modules/", StringComparison.Ordinal)
                || !item.Identifier.Contains("/Pages/", StringComparison.Ordinal) || Path.GetFileName(item.Identifier).StartsWith('_'))
            {
                continue;
            }

            if (context.RouteModels.Any(m => m.RelativePath == item.Identifier))
            {
                continue; // already discovered by Razor Pages itself
            }

            var template = item.Metadata.OfType<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            if (template is null || !template.StartsWith('/'))
            {
                throw new InvalidOperationException($"The module page {item.Identifier} must declare an absolute route, e.g. @page \"/inbox\".");
            }

            var viewEnginePath = item.Identifier[..^".cshtml".Length];
            var model = new PageRouteModel(item.Identifier, viewEnginePath);
            model.RouteValues["page"] = viewEnginePath;
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template.TrimStart('/') } });
            context.RouteModels.Add(model);
        }
    }

    public void OnProvidersExecuted(PageRouteModelProviderContext context)
    {
    }
}

public static class ModulePages
{
    public static IServiceCollection AddModulePages(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPageRouteModelProvider, ModulePageRouteModelProvider>());
        return services;
    }
}
