using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Media;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Demo;

/// <summary>
/// The demo inbox: an Italian and a US team covering the day between them, a night on-call lead, saved replies in
/// English and Italian approved by MLR, explanatory videos, SLA policies, and a few items delivered through the sink.
/// </summary>
public sealed class InboxDemoSeeder(SalusDbContext db, UserManager<SalusUser> users, IInboundItemSink sink, MediaFileStore store, TimeProvider time) : IDemoSeeder
{
    /// <summary>Channel ids of the demo items (the Channels module's demo channels may use their own).</summary>
    public static readonly Guid DemoFacebookIt = Guid.Parse("5a1f0000-0000-7000-8000-00000000f0b1");
    public static readonly Guid DemoInstagramUs = Guid.Parse("5a1f0000-0000-7000-8000-00000000a9a1");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Team>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var agentIt = await users.FindByEmailAsync("agent.it@demo.salus.local");
        var agentUs = await users.FindByEmailAsync("agent.us@demo.salus.local");
        var lead = await users.FindByEmailAsync("lead@demo.salus.local");
        if (agentIt is null || agentUs is null || lead is null)
        {
            return;
        }

        var weekdays = Shift.DaysOf(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        var everyDay = 0b111_1111;
        var italy = new Team { Name = "Team Italia", TimeZone = "Europe/Rome", Markets = "IT" };
        var us = new Team { Name = "Team US", TimeZone = "America/New_York", Markets = "US" };
        db.Set<Team>().AddRange(italy, us);
        db.Set<Shift>().AddRange(
            new Shift { TeamId = italy.Id, UserId = agentIt.Id, UserName = agentIt.DisplayName, Label = "giorno", Days = everyDay, StartLocal = new(7, 0), EndLocal = new(19, 0), Capacity = 12 },
            new Shift { TeamId = us.Id, UserId = agentUs.Id, UserName = agentUs.DisplayName, Label = "day", Days = everyDay, StartLocal = new(13, 0), EndLocal = new(1, 0), Capacity = 12 },
            new Shift { TeamId = italy.Id, UserId = lead.Id, UserName = lead.DisplayName, Label = "reperibilità", Days = everyDay, StartLocal = new(0, 0), EndLocal = new(0, 0), OnCall = true, Capacity = 1 },
            new Shift { TeamId = italy.Id, UserId = lead.Id, UserName = lead.DisplayName, Label = "lead", Days = weekdays, StartLocal = new(9, 0), EndLocal = new(18, 0), Capacity = 4 });
        db.Set<Holiday>().AddRange(
            new Holiday { Market = "IT", Date = new DateOnly(2026, 12, 25), Name = "Natale" },
            new Holiday { Market = "IT", Date = new DateOnly(2026, 12, 8), Name = "Immacolata Concezione" },
            new Holiday { Market = "US", Date = new DateOnly(2026, 11, 26), Name = "Thanksgiving" });
        db.Set<HandoverNote>().Add(new HandoverNote
        {
            TeamId = italy.Id, AuthorId = agentIt.Id, AuthorName = agentIt.DisplayName, CreatedUtc = now,
            Text = "Due conversazioni in attesa di risposta privata; il video sul dosaggio è stato aggiornato.",
        });
        db.Set<SlaPolicy>().AddRange(
            new SlaPolicy { Name = "Crisis", Priority = RiskPriority.Crisis, FirstResponseMinutes = 15, NextResponseMinutes = 15, ResolutionMinutes = 240, WarnAtPercent = 50 },
            new SlaPolicy { Name = "Adverse event", Priority = RiskPriority.AdverseEvent, FirstResponseMinutes = 60, NextResponseMinutes = 120, ResolutionMinutes = 1440 },
            new SlaPolicy { Name = "Medical question", Priority = RiskPriority.MedicalQuestion, FirstResponseMinutes = 120, NextResponseMinutes = 240, ResolutionMinutes = 2880 },
            new SlaPolicy { Name = "Standard (business hours, IT)", Market = "IT", FirstResponseMinutes = 240, NextResponseMinutes = 480, ResolutionMinutes = 2400, BusinessHoursOnly = true, TimeZone = "Europe/Rome" },
            new SlaPolicy { Name = "Standard", FirstResponseMinutes = 240, NextResponseMinutes = 480, ResolutionMinutes = 4320 });

        var approvedUntil = now.AddMonths(6);
        SavedReply Approved(string key, string title, string language, SavedReplyPurpose purpose, string body) => new()
        {
            Key = key, Title = title, Language = language, Purpose = purpose, Body = body, Status = SavedReplyStatus.Approved,
            CreatedByName = "Leo Lead", CreatedUtc = now, ApprovedByName = "Morgan Reviewer", ApprovedUtc = now, ExpiresUtc = approvedUntil,
        };
        db.Set<SavedReply>().AddRange(
            Approved("ae-thanks", "Segnalazione ricevuta", "it", SavedReplyPurpose.AdverseEventAcknowledgement,
                "Gentile {{name}}, grazie per averci scritto. Inoltriamo la sua segnalazione al nostro servizio di farmacovigilanza, che potrebbe contattarla in privato per qualche dettaglio in più. {{agent}}"),
            Approved("ae-thanks", "Report received", "en", SavedReplyPurpose.AdverseEventAcknowledgement,
                "Dear {{name}}, thank you for letting us know. We are passing your report to our pharmacovigilance team, who may contact you privately for a few more details. {{agent}}"),
            Approved("move-private", "Parliamone in privato", "it", SavedReplyPurpose.MoveToPrivate,
                "Gentile {{name}}, per proteggere la sua riservatezza le abbiamo scritto in un messaggio privato. Continuiamo lì."),
            Approved("move-private", "Let's talk privately", "en", SavedReplyPurpose.MoveToPrivate,
                "Dear {{name}}, to protect your privacy we have sent you a private message. Let's continue there."),
            Approved("private-follow-up", "Messaggio privato", "it", SavedReplyPurpose.PrivateFollowUp,
                "Buongiorno {{name}}, sono {{agent}} del servizio clienti. Il nostro servizio di informazione medica la contatterà qui per rispondere alla sua domanda."),
            Approved("private-follow-up", "Private message", "en", SavedReplyPurpose.PrivateFollowUp,
                "Hello {{name}}, this is {{agent}} from the support team. Our medical information team will contact you here to answer your question."),
            Approved("thanks", "Grazie", "it", SavedReplyPurpose.General, "Grazie {{name}}! Qui trova un video che spiega come fare: {{media}}"),
            Approved("thanks", "Thanks", "en", SavedReplyPurpose.General, "Thank you {{name}}! This video explains how: {{media}}"),
            new SavedReply
            {
                Key = "old-campaign", Title = "Campagna 2025 (scaduta)", Language = "it", Purpose = SavedReplyPurpose.General, Status = SavedReplyStatus.Approved,
                Body = "Grazie {{name}} per aver partecipato alla campagna 2025!", CreatedByName = "Leo Lead", CreatedUtc = now.AddYears(-1),
                ApprovedByName = "Morgan Reviewer", ApprovedUtc = now.AddYears(-1), ExpiresUtc = now.AddDays(-30),
            },
            new SavedReply
            {
                Key = "dosage", Title = "Dosage question (draft)", Language = "en", Purpose = SavedReplyPurpose.General, Status = SavedReplyStatus.Draft,
                Body = "Dear {{name}}, please check the leaflet or ask your pharmacist.", CreatedByName = "Leo Lead", CreatedUtc = now,
            });
        db.Set<MediaAsset>().AddRange(
            new MediaAsset { Title = "Come segnalare un effetto indesiderato", Kind = MediaKind.Video, Url = "https://media.demo.salus.local/video/segnalare-effetti.mp4", Language = "it", Description = "Video di 2 minuti", AddedByName = "Leo Lead", CreatedUtc = now, Status = MediaStatus.Approved, ApprovedByName = "Morgan Reviewer", ApprovedUtc = now, ExpiresUtc = approvedUntil },
            new MediaAsset { Title = "How to report a side effect", Kind = MediaKind.Video, Url = "https://media.demo.salus.local/video/report-side-effects.mp4", Language = "en", Description = "2-minute video", AddedByName = "Leo Lead", CreatedUtc = now, Status = MediaStatus.Approved, ApprovedByName = "Morgan Reviewer", ApprovedUtc = now, ExpiresUtc = approvedUntil },
            new MediaAsset { Title = "Foglio illustrativo: come leggerlo", Kind = MediaKind.Document, Url = "https://media.demo.salus.local/docs/foglio-illustrativo.pdf", Language = "it", Description = "PDF", AddedByName = "Leo Lead", CreatedUtc = now, Status = MediaStatus.Approved, ApprovedByName = "Morgan Reviewer", ApprovedUtc = now, ExpiresUtc = approvedUntil });
        await AddUploadedLeafletAsync(now, approvedUntil, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await DeliverAsync(DemoFacebookIt, ChannelKind.Facebook, "Salus Italia (Facebook)", "IT", "demo-1", "post-1", "u-giulia", "Giulia R.",
            "Ho iniziato la Tachipirina ieri e stanotte ho avuto un forte mal di testa e nausea. È normale?", "it", now.AddMinutes(-50), cancellationToken);
        await DeliverAsync(DemoFacebookIt, ChannelKind.Facebook, "Salus Italia (Facebook)", "IT", "demo-2", "post-1", "u-marco", "Marco B.",
            "Posso prendere l'ibuprofene in gravidanza?", "it", now.AddMinutes(-30), cancellationToken);
        await DeliverAsync(DemoInstagramUs, ChannelKind.Instagram, "Salus US (Instagram)", "US", "demo-3", "post-9", "u-sam", "Sam K.",
            "Thanks for the great video, very helpful!", "en", now.AddMinutes(-20), cancellationToken);
        await DeliverAsync(DemoInstagramUs, ChannelKind.Instagram, "Salus US (Instagram)", "US", "demo-4", "post-9", "u-alex", "Alex P.",
            "I can't go on anymore, I want to end it all tonight.", "en", now.AddMinutes(-5), cancellationToken);
    }

    /// <summary>An uploaded file (not a link), stored like any upload: through the content-addressed store.</summary>
    private async Task AddUploadedLeafletAsync(DateTime now, DateTime approvedUntil, CancellationToken cancellationToken)
    {
        var pdf = DemoLeaflet.Pdf("Come conservare i farmaci", ["Lontano da fonti di calore e dalla luce diretta.", "Fuori dalla portata dei bambini.",
            "Controlli la data di scadenza sulla confezione.", "Per dubbi chieda al medico o al farmacista."]);
        using var upload = await store.ReceiveAsync(new MemoryStream(pdf), long.MaxValue, cancellationToken);
        upload.Commit();
        db.Set<MediaAsset>().Add(new MediaAsset
        {
            Title = "Come conservare i farmaci (PDF)", Kind = MediaKind.Document, Language = "it", Description = "Scheda di una pagina", FileName = "conservare-i-farmaci.pdf",
            ContentType = upload.Type!.ContentType, Length = upload.Length, Sha256 = upload.Sha256, AddedByName = "Leo Lead", CreatedUtc = now,
            Status = MediaStatus.Approved, ApprovedByName = "Morgan Reviewer", ApprovedUtc = now, ExpiresUtc = approvedUntil,
        });
    }

    private Task DeliverAsync(Guid channel, ChannelKind kind, string channelName, string market, string id, string thread, string author, string name,
        string text, string language, DateTime at, CancellationToken cancellationToken) =>
        sink.AcceptAsync(new InboundItem(channel, kind, channelName, market, $"{id}-created", InboundChange.Created, InboundItemKind.Comment,
            $"{id}", thread, thread, author, author, name, text, language, $"https://demo.salus.local/{channelName}/{id}",
            new DateTimeOffset(at, TimeSpan.Zero), new DateTimeOffset(at, TimeSpan.Zero)), cancellationToken);
}
