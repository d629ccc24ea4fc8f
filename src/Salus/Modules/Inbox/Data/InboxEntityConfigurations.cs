using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salus.Modules.Inbox.Domain;

namespace Salus.Modules.Inbox.Data;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("InboxConversations");
        b.HasKey(x => x.Id);
        b.Property(x => x.ChannelKind).HasMaxLength(32);
        b.Property(x => x.ChannelName).HasMaxLength(200);
        b.Property(x => x.ThreadKey).HasMaxLength(300);
        b.Property(x => x.Market).HasMaxLength(8);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.SlaState).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Categories).HasMaxLength(300);
        b.Property(x => x.Queue).HasMaxLength(40);
        b.Property(x => x.AssigneeId).HasMaxLength(64);
        b.Property(x => x.AssigneeName).HasMaxLength(200);
        b.Property(x => x.SlaPolicyName).HasMaxLength(200);
        b.Property(x => x.ShiftLabel).HasMaxLength(200);
        b.Property(x => x.Preview).HasMaxLength(300);
        b.Ignore(x => x.ResponseDueUtc);
        b.HasIndex(x => new { x.ChannelId, x.ThreadKey }).IsUnique();
        b.HasIndex(x => new { x.Status, x.Priority });
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.AssigneeId);
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("InboxItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.PlatformItemId).HasMaxLength(300);
        b.Property(x => x.PlatformParentId).HasMaxLength(300);
        b.Property(x => x.AuthorPlatformId).HasMaxLength(300);
        b.Property(x => x.AuthorHandle).HasMaxLength(300);
        b.Property(x => x.AuthorDisplayName).HasMaxLength(300);
        b.Property(x => x.ItemKind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Permalink).HasMaxLength(2000);
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.Categories).HasMaxLength(300);
        b.Property(x => x.Decision).HasMaxLength(16);
        b.Property(x => x.Clauses).HasMaxLength(1000);
        b.Property(x => x.RoutedTo).HasMaxLength(60);
        b.HasIndex(x => new { x.ChannelId, x.PlatformItemId }).IsUnique();
        b.HasIndex(x => x.ConversationId);
    }
}

internal sealed class ProcessedInboundEventConfiguration : IEntityTypeConfiguration<ProcessedInboundEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedInboundEvent> b)
    {
        b.ToTable("InboxProcessedEvents");
        b.HasKey(x => x.Id);
        b.Property(x => x.EventId).HasMaxLength(300);
        b.HasIndex(x => new { x.ChannelId, x.EventId }).IsUnique();
    }
}

internal sealed class InboxPersonConfiguration : IEntityTypeConfiguration<InboxPerson>
{
    public void Configure(EntityTypeBuilder<InboxPerson> b)
    {
        b.ToTable("InboxPeople");
        b.HasKey(x => x.Id);
        b.Property(x => x.DisplayName).HasMaxLength(300);
        b.Property(x => x.Market).HasMaxLength(8);
        b.Property(x => x.Language).HasMaxLength(8);
    }
}

internal sealed class InboxIdentityConfiguration : IEntityTypeConfiguration<InboxIdentity>
{
    public void Configure(EntityTypeBuilder<InboxIdentity> b)
    {
        b.ToTable("InboxIdentities");
        b.HasKey(x => x.Id);
        b.Property(x => x.ChannelKind).HasMaxLength(32);
        b.Property(x => x.AuthorPlatformId).HasMaxLength(300);
        b.Property(x => x.Handle).HasMaxLength(300);
        b.HasIndex(x => new { x.ChannelId, x.AuthorPlatformId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class InboxNoteConfiguration : IEntityTypeConfiguration<InboxNote>
{
    public void Configure(EntityTypeBuilder<InboxNote> b)
    {
        b.ToTable("InboxNotes");
        b.HasKey(x => x.Id);
        b.Property(x => x.AuthorId).HasMaxLength(64);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => x.ConversationId);
    }
}

internal sealed class InboxNotificationConfiguration : IEntityTypeConfiguration<InboxNotification>
{
    public void Configure(EntityTypeBuilder<InboxNotification> b)
    {
        b.ToTable("InboxNotifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.RecipientId).HasMaxLength(64);
        b.Property(x => x.RecipientName).HasMaxLength(200);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasIndex(x => x.RecipientId);
    }
}

internal sealed class OutboundReplyConfiguration : IEntityTypeConfiguration<OutboundReply>
{
    public void Configure(EntityTypeBuilder<OutboundReply> b)
    {
        b.ToTable("InboxReplies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.MediaIds).HasMaxLength(1000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Decision).HasMaxLength(16);
        b.Property(x => x.Reasons).HasMaxLength(2000);
        b.Property(x => x.PlatformId).HasMaxLength(300);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.Property(x => x.AuthorId).HasMaxLength(64);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.ReviewerName).HasMaxLength(200);
        b.HasIndex(x => x.ConversationId);
        b.HasIndex(x => x.Status);
    }
}

internal sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> b)
    {
        b.ToTable("InboxSavedReplies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedByName).HasMaxLength(200);
        b.Property(x => x.ApprovedByName).HasMaxLength(200);
        b.HasIndex(x => new { x.Key, x.Language });
    }
}

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> b)
    {
        b.ToTable("InboxMedia");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.AddedByName).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        // A number, so rows from before uploads existed read as Draft (0) and wait for MLR.
        b.Property(x => x.Status);
        b.Property(x => x.ApprovedByName).HasMaxLength(200);
        b.Property(x => x.DeletedByName).HasMaxLength(200);
        b.Ignore(x => x.IsFile);
        b.HasIndex(x => x.Sha256);
    }
}

internal sealed class MediaShareConfiguration : IEntityTypeConfiguration<MediaShare>
{
    public void Configure(EntityTypeBuilder<MediaShare> b)
    {
        b.ToTable("InboxMediaShares");
        b.HasKey(x => x.Id);
        b.Property(x => x.Token).HasMaxLength(64);
        b.HasIndex(x => x.Token).IsUnique();
        b.HasIndex(x => x.MediaId);
        b.Property(x => x.CreatedByName).HasMaxLength(200);
        b.Property(x => x.RevokedByName).HasMaxLength(200);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("InboxTeams");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.Markets).HasMaxLength(100);
    }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> b)
    {
        b.ToTable("InboxShifts");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.Label).HasMaxLength(100);
        b.HasIndex(x => x.TeamId);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.ToTable("InboxHolidays");
        b.HasKey(x => x.Id);
        b.Property(x => x.Market).HasMaxLength(8);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class HandoverNoteConfiguration : IEntityTypeConfiguration<HandoverNote>
{
    public void Configure(EntityTypeBuilder<HandoverNote> b)
    {
        b.ToTable("InboxHandoverNotes");
        b.HasKey(x => x.Id);
        b.Property(x => x.AuthorId).HasMaxLength(64);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => x.TeamId);
    }
}

internal sealed class AgentAssignmentCursorConfiguration : IEntityTypeConfiguration<AgentAssignmentCursor>
{
    public void Configure(EntityTypeBuilder<AgentAssignmentCursor> b)
    {
        b.ToTable("InboxAssignmentCursors");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasMaxLength(64);
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("InboxSlaPolicies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Priority).HasConversion<int?>();
        b.Property(x => x.Market).HasMaxLength(8);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Ignore(x => x.Specificity);
    }
}
