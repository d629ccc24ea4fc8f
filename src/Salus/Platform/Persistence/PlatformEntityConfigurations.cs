using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Signatures;

namespace Salus.Platform.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.ActorId).HasMaxLength(200);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(200);
        builder.Property(a => a.EntityId).HasMaxLength(200);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => a.TimestampUtc);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.ActorId);
    }
}

internal sealed class ElectronicSignatureConfiguration : IEntityTypeConfiguration<ElectronicSignature>
{
    public void Configure(EntityTypeBuilder<ElectronicSignature> builder)
    {
        builder.ToTable("Signatures");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RecordType).HasMaxLength(100);
        builder.Property(s => s.RecordId).HasMaxLength(200);
        builder.Property(s => s.RecordHash).HasMaxLength(64);
        builder.Property(s => s.SignatureHash).HasMaxLength(64);
        builder.Property(s => s.SignerId).HasMaxLength(450);
        builder.Property(s => s.PrintedName).HasMaxLength(256);
        builder.Property(s => s.Comment).HasMaxLength(4000);
        builder.Property(s => s.Meaning).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(s => new { s.RecordType, s.RecordId });
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Type).HasMaxLength(100);
        builder.Property(j => j.DedupKey).HasMaxLength(300);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        builder.HasIndex(j => new { j.Status, j.RunAfterUtc });
        builder.HasIndex(j => j.DedupKey).IsUnique();
    }
}

internal sealed class SalusUserConfiguration : IEntityTypeConfiguration<SalusUser>
{
    public void Configure(EntityTypeBuilder<SalusUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(256);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.StakeholderFunction).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Department).HasMaxLength(100);
        builder.Property(u => u.Market).HasMaxLength(8);
        builder.Property(u => u.PreferredCulture).HasMaxLength(8);
    }
}
