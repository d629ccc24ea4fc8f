using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features.Cases;

/// <summary>
/// <c>PATCH /api/pv/cases/{id}/products/{productId}</c>: a JSON Merge Patch (RFC 7396) of the dosing record, so a client
/// that does not know a member cannot clear it. The body is read as raw JSON because a typed body cannot tell an absent
/// member from a null one.
/// </summary>
internal static class PatchDosingEndpoint
{
    public const string MergePatchJson = "application/merge-patch+json";

    // Duplicate members would make the patch ambiguous: refused rather than "last one wins".
    private static readonly JsonSerializerOptions Json = new() { AllowDuplicateProperties = false };

    public static async Task<IResult> HandleAsync(Guid id, Guid productId, HttpRequest request, CaseWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(work);
        var patch = await ReadAsync(request.Body, ct);
        if (!patch.IsSuccess)
        {
            return patch.Error!.ToProblem();
        }

        return (await work.PatchDosingAsync(id, productId, patch.Value, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c)));
    }

    /// <summary>The patch in the body, or a validation error naming the member where the JSON went wrong.</summary>
    public static async Task<Result<DosingPatch>> ReadAsync(Stream body, CancellationToken ct)
    {
        // Read whole (the server's request size limit bounds it) and parse it in one go: the streaming reader loses the
        // path of a syntax error, and that path names the member where the JSON went wrong.
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        Dictionary<string, JsonElement>? members;
        try
        {
            members = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
        }
        catch (JsonException e)
        {
            // The exception's message quotes the body: only its position is given back, and nothing is logged.
            var where = string.Create(CultureInfo.InvariantCulture, $"(line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
            var member = TopMember(e.Path);
            return DosingPatch.Invalid(new()
            {
                [member] = [member == "$" ? $"Not one valid JSON object {where}." : $"Not valid JSON at or after this member, or given twice {where}."],
            });
        }

        return DosingPatch.From(members);
    }

    /// <summary>The top-level member of a JSON path such as <c>$.dose</c> or <c>$.dose.x</c>; <c>$</c> for the body itself.</summary>
    private static string TopMember(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return "$";
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }
}
