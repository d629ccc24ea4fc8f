using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salus.Modules.Pharmacovigilance.Domain;

namespace Salus.Modules.Pharmacovigilance.Data;

internal sealed class CaseProposalConfiguration : IEntityTypeConfiguration<CaseProposal>
{
    public void Configure(EntityTypeBuilder<CaseProposal> builder)
    {
        builder.ToTable("PvProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.SourceType).HasMaxLength(64);
        builder.Property(p => p.SourceId).HasMaxLength(300);
        builder.HasIndex(p => new { p.SourceType, p.SourceId }).IsUnique();
        builder.Property(p => p.Channel).HasMaxLength(100);
        builder.Property(p => p.Market).HasMaxLength(8);
        builder.Property(p => p.Language).HasMaxLength(8);
        builder.Property(p => p.ReporterPlatformId).HasMaxLength(300);
        builder.Property(p => p.ReporterHandle).HasMaxLength(300);
        builder.Property(p => p.ReporterDisplayName).HasMaxLength(300);
        builder.Property(p => p.Permalink).HasMaxLength(2000);
        builder.Property(p => p.FlaggedBy).HasMaxLength(256);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DecisionReason).HasMaxLength(2000);
        builder.Property(p => p.DecidedBy).HasMaxLength(256);
        builder.HasIndex(p => p.Status);
    }
}

internal sealed class PvCaseConfiguration : IEntityTypeConfiguration<PvCase>
{
    public void Configure(EntityTypeBuilder<PvCase> builder)
    {
        builder.ToTable("PvCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.ProposalId).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Market).HasMaxLength(8);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.Channel).HasMaxLength(100);
        builder.Property(c => c.SourceType).HasMaxLength(64);
        builder.Property(c => c.SourceId).HasMaxLength(300);
        builder.Property(c => c.Permalink).HasMaxLength(2000);
        builder.Property(c => c.OpenedBy).HasMaxLength(256);
        builder.Property(c => c.ReporterPlatformId).HasMaxLength(300);
        builder.Property(c => c.ReporterHandle).HasMaxLength(300);
        builder.Property(c => c.ReporterDisplayName).HasMaxLength(300);
        builder.Property(c => c.ReporterPseudonym).HasMaxLength(32);
        builder.Property(c => c.PatientInitials).HasMaxLength(16);
        builder.Property(c => c.PatientSex).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ReporterDetail).HasMaxLength(1000);
        builder.Property(c => c.PatientDetail).HasMaxLength(1000);
        builder.Property(c => c.ReactionDetail).HasMaxLength(1000);
        builder.Property(c => c.ProductDetail).HasMaxLength(1000);
        builder.Property(c => c.Day0OverrideReason).HasMaxLength(2000);
        builder.HasIndex(c => new { c.ChannelId, c.ReporterPlatformId });
        builder.HasMany(c => c.Reactions).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Products).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.Seriousness);
        builder.Ignore(c => c.Criteria);
        builder.Ignore(c => c.ComputedDay0);
        builder.Ignore(c => c.Day0);
    }
}

internal sealed class CaseReactionConfiguration : IEntityTypeConfiguration<CaseReaction>
{
    public void Configure(EntityTypeBuilder<CaseReaction> builder)
    {
        builder.ToTable("PvCaseReactions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Term).HasMaxLength(100);
        builder.Property(r => r.ReportedText).HasMaxLength(500);
        builder.Property(r => r.MedDraCode).HasMaxLength(16);
        builder.Property(r => r.MedDraVersion).HasMaxLength(8);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class CaseProductConfiguration : IEntityTypeConfiguration<CaseProduct>
{
    public void Configure(EntityTypeBuilder<CaseProduct> builder)
    {
        builder.ToTable("PvCaseProducts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.Ingredients).HasMaxLength(1000);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DoseValue).HasPrecision(18, 6);
        builder.Property(p => p.DoseUnit).HasMaxLength(16);
        builder.Property(p => p.Frequency).HasMaxLength(100);
        builder.Property(p => p.Route).HasMaxLength(32);
        builder.Property(p => p.Indication).HasMaxLength(250);
        builder.Property(p => p.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DoseForm).HasMaxLength(Dosing.DoseFormMaxLength);
        builder.Property(p => p.BatchNumber).HasMaxLength(Dosing.BatchNumberMaxLength);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("PvFollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.TemplateKey).HasMaxLength(64);
        builder.Property(f => f.Language).HasMaxLength(8);
        builder.Property(f => f.PlatformItemId).HasMaxLength(300);
        builder.Property(f => f.By).HasMaxLength(256);
    }
}

internal sealed class DuplicateSuggestionConfiguration : IEntityTypeConfiguration<DuplicateSuggestion>
{
    public void Configure(EntityTypeBuilder<DuplicateSuggestion> builder)
    {
        builder.ToTable("PvDuplicateSuggestions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.CaseId, d.OtherCaseId }).IsUnique();
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
    }
}

internal sealed class CaseAlertConfiguration : IEntityTypeConfiguration<CaseAlert>
{
    public void Configure(EntityTypeBuilder<CaseAlert> builder)
    {
        builder.ToTable("PvCaseAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.CaseId, a.Kind, a.DueDate }).IsUnique();
    }
}
