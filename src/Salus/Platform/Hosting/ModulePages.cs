using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Salus.Platform.Hosting;

/// <summary>
/// Razor Pages discovers pages under <c>/Pages</c> only. Modules keep theirs in <c>Modules/&lt;Name&gt;/Pages</c>; this
/// provider routes every compiled page there by its <c>@page "/route"</c> template (which must be absolute). Pages
/// still get the folder conventions of <c>/</c> (staff only) and their own <c>[Authorize]</c> attributes. Modules
/// call <see cref="AddModulePages"/>; adding it twice is harmless.
/// </summary>
public static class ModulePages
{
    public static IServiceCollection AddModulePages(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPageRouteModelProvider, ModulePageRouteModelProvider>());
        return services;
    }

    private sealed class ModulePageRouteModelProvider(ApplicationPartManager parts) : IPageRouteModelProvider
    {
        // After the built-in provider (-1000), before anything that reads the route models.
        public int Order => -900;

        public void OnProvidersExecuting(PageRouteModelProviderContext context)
        {
            var feature = new ViewsFeature();
            parts.PopulateFeature(feature);
            foreach (var view in feature.ViewDescriptors)
            {
                var path = view.RelativePath;
                if (view.Item is null || view.Item.Kind != "mvc.1.0.razor-page" || !path.StartsWith("/Modules/", StringComparison.Ordinal)
                    || !path.Contains("/Pages/", StringComparison.Ordinal) || context.RouteModels.Any(m => m.RelativePath == path))
                {
                    continue;
                }

                var template = view.Item.Metadata.OfType<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
                if (template is null || !template.StartsWith('/'))
                {
                    throw new InvalidOperationException($"Module page {path} needs an absolute route: @page \"/...\".");
                }

                var model = new PageRouteModel(path, path[..^".cshtml".Length]);
                model.RouteValues.Add("page", model.ViewEnginePath);
                model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template.TrimStart('/') } });
                context.RouteModels.Add(model);
            }
        }

        public void OnProvidersExecuted(PageRouteModelProviderContext context)
        {
        }
    }
}
