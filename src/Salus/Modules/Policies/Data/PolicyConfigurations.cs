using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salus.Modules.Policies.Domain;

namespace Salus.Modules.Policies.Data;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> builder)
    {
        builder.ToTable("Policies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Market).HasMaxLength(8);
        builder.Property(p => p.Language).HasMaxLength(8);
        builder.Property(p => p.OwnerId).HasMaxLength(450);
        builder.Property(p => p.RequiredSignOffs).HasMaxLength(300);
        builder.Ignore(p => p.RequiredFunctions);
        builder.HasMany(p => p.Versions).WithOne(v => v.Policy).HasForeignKey(v => v.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.ToTable("PolicyVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.PolicyId, v.Number }).IsUnique();
        builder.HasIndex(v => v.Status);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.AudienceKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.AudienceValue).HasMaxLength(200);
        builder.Property(v => v.CreatedBy).HasMaxLength(450);
        builder.Property(v => v.PublishedBy).HasMaxLength(450);
        builder.Property(v => v.PublishedHash).HasMaxLength(64);
        builder.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicySectionConfiguration : IEntityTypeConfiguration<PolicySection>
{
    public void Configure(EntityTypeBuilder<PolicySection> builder)
    {
        builder.ToTable("PolicySections");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.VersionId, s.Key }).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Ignore(s => s.Number);
        builder.Ignore(s => s.Quiz);
    }
}

internal sealed class PolicyCommentConfiguration : IEntityTypeConfiguration<PolicyComment>
{
    public void Configure(EntityTypeBuilder<PolicyComment> builder)
    {
        builder.ToTable("PolicyComments");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.VersionId, c.SectionKey });
        builder.Property(c => c.SectionKey).HasMaxLength(64);
        builder.Property(c => c.Quote).HasMaxLength(2000);
        builder.Property(c => c.Body).HasMaxLength(8000);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.ResolvedBy).HasMaxLength(450);
    }
}

internal sealed class ChangeProposalConfiguration : IEntityTypeConfiguration<ChangeProposal>
{
    public void Configure(EntityTypeBuilder<ChangeProposal> builder)
    {
        builder.ToTable("PolicyChangeProposals");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.VersionId, c.SectionKey });
        builder.Property(c => c.SectionKey).HasMaxLength(64);
        builder.Property(c => c.Rationale).HasMaxLength(4000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.DecidedBy).HasMaxLength(450);
    }
}

internal sealed class PolicySignOffConfiguration : IEntityTypeConfiguration<PolicySignOff>
{
    public void Configure(EntityTypeBuilder<PolicySignOff> builder)
    {
        builder.ToTable("PolicySignOffs");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.VersionId);
        builder.HasIndex(s => s.SignatureId).IsUnique();
        builder.Property(s => s.Function).HasConversion<string>().HasMaxLength(64);
    }
}

internal sealed class PolicyAcknowledgementConfiguration : IEntityTypeConfiguration<PolicyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgement> builder)
    {
        builder.ToTable("PolicyAcknowledgements");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.VersionId, a.UserId, a.SectionKey }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.SectionKey, a.SectionHash });
        builder.Property(a => a.SectionKey).HasMaxLength(64);
        builder.Property(a => a.SectionHash).HasMaxLength(64);
        builder.Property(a => a.UserId).HasMaxLength(450);
    }
}
