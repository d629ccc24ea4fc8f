using System.Globalization;
using System.Text.Json;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features.Cases;

/// <summary>
/// A JSON Merge Patch (RFC 7396) of a product's dosing record: the members of <see cref="ProductDosingBody"/>, each
/// absent (kept), null (cleared) or a value (set). Only the shape of each member is checked here; the merged record is
/// checked as a whole by <see cref="Dosing.Problems"/>, like a PUT.
/// </summary>
public sealed class DosingPatch
{
    /// <summary>The members a patch may carry, as the API names them (matched ignoring case, like the PUT's body).</summary>
    public static readonly IReadOnlyList<string> MemberNames =
        ["dose", "doseUnit", "frequency", "route", "indication", "therapyStart", "therapyStop", "action", "doseForm", "batchNumber", "reason"];

    // The members already read, to refuse one given twice in different case ("dose" and "Dose").
    private readonly HashSet<string> _members = [];

    private DosingPatch()
    {
    }

    public PatchValue<decimal?> Dose { get; private set; }

    public PatchValue<string?> DoseUnit { get; private set; }

    public PatchValue<string?> Frequency { get; private set; }

    public PatchValue<string?> Route { get; private set; }

    public PatchValue<string?> Indication { get; private set; }

    public PatchValue<DateOnly?> TherapyStart { get; private set; }

    public PatchValue<DateOnly?> TherapyStop { get; private set; }

    public PatchValue<DrugAction?> Action { get; private set; }

    public PatchValue<string?> DoseForm { get; private set; }

    public PatchValue<string?> BatchNumber { get; private set; }

    /// <summary>Why the officer changes the record: not part of it, it goes to the audit trail.</summary>
    public string? Reason { get; private set; }

    /// <summary>The stored record with this patch merged in.</summary>
    public DosingUpdate ApplyTo(DosingUpdate stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(Dose.Or(stored.Dose), DoseUnit.Or(stored.DoseUnit), Frequency.Or(stored.Frequency), Route.Or(stored.Route),
            Indication.Or(stored.Indication), TherapyStart.Or(stored.TherapyStart), TherapyStop.Or(stored.TherapyStop), Action.Or(stored.Action),
            DoseForm.Or(stored.DoseForm), BatchNumber.Or(stored.BatchNumber));
    }

    /// <summary>The patch from the request's members, or a validation error naming every unknown or ill-typed member.</summary>
    public static Result<DosingPatch> From(IReadOnlyDictionary<string, JsonElement>? body)
    {
        if (body is null)
        {
            return Invalid(new() { ["$"] = ["The body must be a JSON object."] });
        }

        var patch = new DosingPatch();
        var problems = new Dictionary<string, string[]>();
        foreach (var (given, value) in body)
        {
            var name = MemberNames.FirstOrDefault(n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                problems[given] = [$"Unknown member; use {string.Join(", ", MemberNames)}."];
            }
            else if (patch._members.Contains(name))
            {
                problems[name] = ["Given more than once."];
            }
            else if (patch.Set(name, value) is { } problem)
            {
                problems[name] = [problem];
            }
            else
            {
                patch._members.Add(name);
            }
        }

        return problems.Count > 0 ? Invalid(problems) : patch;
    }

    public static Error Invalid(Dictionary<string, string[]> problems) => Errors.Validation("pv.product.dosing-patch", "The merge patch is not valid.", problems);

    /// <summary>Sets one member; the problem with its JSON type (or, for the action, its value), or null.</summary>
    private string? Set(string name, JsonElement value) => name switch
    {
        "dose" => Number(value, v => Dose = new(true, v)),
        "doseUnit" => Text(value, v => DoseUnit = new(true, v)),
        "frequency" => Text(value, v => Frequency = new(true, v)),
        "route" => Text(value, v => Route = new(true, v)),
        "indication" => Text(value, v => Indication = new(true, v)),
        "therapyStart" => Date(value, v => TherapyStart = new(true, v)),
        "therapyStop" => Date(value, v => TherapyStop = new(true, v)),
        "action" => ActionKey(value),
        "doseForm" => Text(value, v => DoseForm = new(true, v)),
        "batchNumber" => Text(value, v => BatchNumber = new(true, v)),
        "reason" => Text(value, v => Reason = v),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a member of the dosing patch."),
    };

    private string? ActionKey(JsonElement value)
    {
        string? key = null;
        if (Text(value, v => key = v) is { } problem)
        {
            return problem;
        }

        if (!ProductDto.TryParseAction(key, out var action))
        {
            return ProductDto.ActionHint;
        }

        Action = new(true, action);
        return null;
    }

    private static string? Number(JsonElement value, Action<decimal?> set)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            set(null);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return "A JSON number, or null to clear.";
        }

        set(number);
        return null;
    }

    private static string? Date(JsonElement value, Action<DateOnly?> set)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            set(null);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return "A date as \"yyyy-MM-dd\", or null to clear.";
        }

        set(date);
        return null;
    }

    private static string? Text(JsonElement value, Action<string?> set)
    {
        if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
        {
            return "A JSON string, or null to clear.";
        }

        set(value.GetString());
        return null;
    }
}
