namespace Salus.Modules.Channels;

/// <summary>Localised strings of the Channels module (Resources/Modules/Channels/ChannelResource.*.resx).</summary>
public sealed class ChannelResource;
