namespace Salus.Modules.Pharmacovigilance;

/// <summary>Marker for the module's UI strings (<c>Resources/Modules/Pharmacovigilance/PvResource.*.resx</c>).</summary>
public sealed class PvResource;
