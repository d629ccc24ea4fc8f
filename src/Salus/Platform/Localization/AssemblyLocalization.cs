using Microsoft.Extensions.Localization;

// The assembly is named Salus.App but its root namespace (and so the manifest names of its embedded .resx resources,
// e.g. "Salus.Resources.Platform.Localization.SharedResource.it.resources") is "Salus". Without this attribute
// ResourceManagerStringLocalizerFactory assumes the root namespace is the assembly name and looks for
// "Salus.App.Resources.Salus.Platform.Localization.SharedResource", finds nothing and shows every key untranslated.
[assembly: RootNamespace("Salus")]
