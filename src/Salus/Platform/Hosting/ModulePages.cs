using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Salus.Platform.Hosting;

/// <summary>
/// Razor Pages only discovers pages under <c>/Pages</c>; modules keep theirs in <c>Modules/&lt;Name&gt;/Pages</c>.
/// This provider routes those too. A module page must declare an absolute route (<c>@page "/policies/..."</c>),
/// and its folder needs its own <c>_ViewImports.cshtml</c> and <c>_ViewStart.cshtml</c> (Razor looks up the folder tree
/// of the page, which does not include <c>/Pages</c>).
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
        public int Order => -999;

        public void OnProvidersExecuting(PageRouteModelProviderContext context)
        {
            var views = new ViewsFeature();
            parts.PopulateFeature(views);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var view in views.ViewDescriptors)
            {
                var path = view.RelativePath;
                if (view.Item?.Kind != "mvc.1.0.razor-page" || !seen.Add(path)
                    || !path.StartsWith("/Modules/", StringComparison.OrdinalIgnoreCase) || !path.Contains("/Pages/", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var template = view.Item.Metadata.OfType<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
                if (template is null || !template.StartsWith('/'))
                {
                    throw new InvalidOperationException($"Module page {path} must declare an absolute route, e.g. @page \"/module/page\".");
                }

                var viewEnginePath = path[..^".cshtml".Length];
                var model = new PageRouteModel(path, viewEnginePath);
                model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template.TrimStart('/') } });
                model.RouteValues.Add("page", viewEnginePath);
                context.RouteModels.Add(model);
            }
        }

        public void OnProvidersExecuted(PageRouteModelProviderContext context)
        {
        }
    }
}
