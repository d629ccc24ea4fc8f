using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Salus.Modules.Channels;

/// <summary>
/// Razor Pages are discovered only under /Pages; this adds the compiled pages of <c>Modules/Channels/Pages</c> (each
/// declares an absolute route in its <c>@page</c> directive) so the module keeps its pages in its own folder.
/// </summary>
internal sealed class ChannelPagesRoutes(ApplicationPartManager parts) : IPageRouteModelProvider
{
    private const string Folder = "/Modules/Channels/Pages/";

    public int Order => -1000 + 10;

    public void OnProvidersExecuting(PageRouteModelProviderContext context)
    {
        var feature = new ViewsFeature();
        parts.PopulateFeature(feature);
        foreach (var view in feature.ViewDescriptors.Where(v => v.RelativePath.StartsWith(Folder, StringComparison.OrdinalIgnoreCase)))
        {
            var route = view.Item?.Metadata.OfType<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            if (view.Item?.Kind != "mvc.1.0.razor-page" || string.IsNullOrEmpty(route) || !route.StartsWith('/'))
            {
                continue;
            }

            var model = new PageRouteModel(view.RelativePath, view.RelativePath[..^".cshtml".Length]);
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = route.TrimStart('/') } });
            context.RouteModels.Add(model);
        }
    }

    public void OnProvidersExecuted(PageRouteModelProviderContext context)
    {
    }
}
