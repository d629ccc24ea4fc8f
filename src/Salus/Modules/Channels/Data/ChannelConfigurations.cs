using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salus.Modules.Channels.Domain;

namespace Salus.Modules.Channels.Data;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("Channels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Market).HasMaxLength(8);
        builder.Property(c => c.ApiBaseUrl).HasMaxLength(500);
        builder.Property(c => c.AccountId).HasMaxLength(500);
        builder.Property(c => c.Product).HasMaxLength(ChannelProduct.MaxLength);
        builder.Property(c => c.ProtectedCredentials).HasMaxLength(8000);
    }
}

internal sealed class ChannelStateConfiguration : IEntityTypeConfiguration<ChannelState>
{
    public void Configure(EntityTypeBuilder<ChannelState> builder)
    {
        builder.ToTable("ChannelStates");
        builder.HasKey(s => s.ChannelId);
        builder.Property(s => s.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Property(s => s.PollCursor).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Channel>().WithOne().HasForeignKey<ChannelState>(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RawEventConfiguration : IEntityTypeConfiguration<RawEvent>
{
    public void Configure(EntityTypeBuilder<RawEvent> builder)
    {
        builder.ToTable("ChannelRawEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EventId).HasMaxLength(300);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.HasIndex(e => new { e.ChannelId, e.EventId }).IsUnique();
        builder.HasIndex(e => e.ProcessedUtc);
    }
}
