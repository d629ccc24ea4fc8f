using Salus.Modules.Channels.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// Keeps a channel's health (last success, last error). Turning broken or recovering is an audited event
/// (<c>channel.broken</c>, <c>channel.recovered</c>) and shows as a banner on the channel pages.
/// </summary>
public sealed class ChannelHealthRecorder(SalusDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<ChannelsOptions> options)
{
    public const string BrokenEvent = "channel.broken";
    public const string RecoveredEvent = "channel.recovered";

    public async Task<ChannelState> StateOfAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var state = await db.Set<ChannelState>().FindAsync([channelId], cancellationToken);
        if (state is null)
        {
            state = new ChannelState { ChannelId = channelId };
            db.Set<ChannelState>().Add(state);
        }

        return state;
    }

    public void Succeeded(ChannelState state)
    {
        if (state.Health == ChannelHealth.Failing)
        {
            db.RecordEvent(RecoveredEvent, "Channel", state.ChannelId.ToString());
        }

        state.Health = ChannelHealth.Healthy;
        state.LastSuccessUtc = time.GetUtcNow().UtcDateTime;
        state.ConsecutiveFailures = 0;
        state.Version++;
    }

    public void Failed(ChannelState state, Error error)
    {
        var message = $"{error.Code}: {error.Message}";
        state.LastErrorUtc = time.GetUtcNow().UtcDateTime;
        state.LastError = message.Length > 2000 ? message[..2000] : message;
        state.ConsecutiveFailures++;
        state.Version++;
        if (state.Health != ChannelHealth.Failing && state.ConsecutiveFailures >= options.Value.FailuresBeforeBroken)
        {
            state.Health = ChannelHealth.Failing;
            db.RecordEvent(BrokenEvent, "Channel", state.ChannelId.ToString(), details: error.Code);
        }
    }
}
