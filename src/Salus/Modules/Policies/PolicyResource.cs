namespace Salus.Modules.Policies;

/// <summary>Marker for the module's localised strings (Resources/Modules/Policies/PolicyResource.*.resx).</summary>
public sealed class PolicyResource;
