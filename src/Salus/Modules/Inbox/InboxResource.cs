namespace Salus.Modules.Inbox;

/// <summary>Marker for the inbox's strings (Resources/Modules/Inbox/InboxResource.*.resx).</summary>
public sealed class InboxResource;
