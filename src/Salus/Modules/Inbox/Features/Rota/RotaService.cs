using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Rota;

public sealed record TeamRequest(string? Name, string? TimeZone, string? Markets);

public sealed record ShiftRequest(Guid TeamId, string? UserId, string? Label, IReadOnlyList<DayOfWeek>? Days, string? Start, string? End, bool OnCall, int Capacity);

public sealed record HolidayRequest(Guid? TeamId, string? Market, DateOnly Date, string? Name);

/// <summary>Changes to the 24/7 rota: teams in a time zone, weekly shifts, holidays, handover notes.</summary>
public sealed class RotaService(SalusDbContext db, TimeProvider time)
{
    public async Task<Result<Team>> AddTeamAsync(TeamRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            fields["name"] = ["Required."];
        }

        if (!IsZone(request.TimeZone))
        {
            fields["timeZone"] = ["Use an IANA time zone such as Europe/Rome or America/New_York."];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("rota.team", "The team is not valid.", fields);
        }

        var team = new Team { Name = request.Name!.Trim(), TimeZone = request.TimeZone!, Markets = string.IsNullOrWhiteSpace(request.Markets) ? "*" : request.Markets.Trim().ToUpperInvariant() };
        db.Set<Team>().Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    public async Task<Result<Shift>> AddShiftAsync(ShiftRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (!await db.Set<Team>().AnyAsync(t => t.Id == request.TeamId, cancellationToken))
        {
            fields["teamId"] = ["Unknown team."];
        }

        var user = request.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null)
        {
            fields["userId"] = ["Unknown user."];
        }

        if (!TimeOnly.TryParse(request.Start, System.Globalization.CultureInfo.InvariantCulture, out var start))
        {
            fields["start"] = ["Use HH:mm."];
        }

        if (!TimeOnly.TryParse(request.End, System.Globalization.CultureInfo.InvariantCulture, out var end))
        {
            fields["end"] = ["Use HH:mm."];
        }

        if (request.Days is not { Count: > 0 })
        {
            fields["days"] = ["Choose at least one day."];
        }

        if (request.Capacity is < 1 or > 200)
        {
            fields["capacity"] = ["1 to 200."];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("rota.shift", "The shift is not valid.", fields);
        }

        var shift = new Shift
        {
            TeamId = request.TeamId, UserId = user!.Id, UserName = string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName,
            Label = string.IsNullOrWhiteSpace(request.Label) ? $"{start:HH\\:mm}-{end:HH\\:mm}" : request.Label.Trim(),
            Days = Shift.DaysOf([.. request.Days!]), StartLocal = start, EndLocal = end, OnCall = request.OnCall, Capacity = request.Capacity,
        };
        db.Set<Shift>().Add(shift);
        await db.SaveChangesAsync(cancellationToken);
        return shift;
    }

    public async Task<Result<bool>> RemoveShiftAsync(Guid id, CancellationToken cancellationToken)
    {
        var shift = await db.Set<Shift>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shift is null)
        {
            return Errors.NotFound("rota.shift", "No such shift.");
        }

        db.Set<Shift>().Remove(shift);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Result<Holiday>> AddHolidayAsync(HolidayRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Date == default)
        {
            return Errors.Validation("rota.holiday", "A holiday needs a date and a name.",
                new Dictionary<string, string[]> { ["name"] = ["Required."], ["date"] = ["Required."] });
        }

        var holiday = new Holiday { TeamId = request.TeamId, Market = request.Market?.ToUpperInvariant(), Date = request.Date, Name = request.Name.Trim() };
        db.Set<Holiday>().Add(holiday);
        await db.SaveChangesAsync(cancellationToken);
        return holiday;
    }

    public async Task<Result<HandoverNote>> AddHandoverAsync(Guid teamId, string? text, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Errors.Validation("rota.handover", "A handover note needs 1 to 4000 characters.", new Dictionary<string, string[]> { ["text"] = ["1 to 4000 characters."] });
        }

        if (!await db.Set<Team>().AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            return Errors.Validation("rota.handover", "Unknown team.", new Dictionary<string, string[]> { ["teamId"] = ["Unknown team."] });
        }

        var note = new HandoverNote { TeamId = teamId, AuthorId = actor.Id, AuthorName = actor.Name, Text = text.Trim(), CreatedUtc = time.GetUtcNow().UtcDateTime };
        db.Set<HandoverNote>().Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    private static bool IsZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}
