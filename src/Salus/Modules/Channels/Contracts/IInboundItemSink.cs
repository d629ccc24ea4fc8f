namespace Salus.Modules.Channels.Contracts;

/// <summary>
/// Implemented by the module that works inbound items (the inbox). Called from the durable job that processes a stored
/// webhook or poll page; must be idempotent on (<see cref="InboundItem.ChannelId"/>, <see cref="InboundItem.EventId"/>)
/// and must converge to the right state whatever the order of create, edit and delete.
/// </summary>
public interface IInboundItemSink
{
    Task AcceptAsync(InboundItem item, CancellationToken cancellationToken);
}
