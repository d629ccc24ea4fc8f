using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Features.Settings;

/// <summary>What <c>PUT /api/channels/{id}/product</c> carries once its JSON has been checked.</summary>
public sealed record SetProductRequest(string? Product, string? Reason);

/// <summary>
/// <c>PUT /api/channels/{id}/product</c>. The body is read as raw JSON so that a missing <c>product</c> member (a client that
/// meant something else) is refused rather than taken as "clear the product", and a wrong type is named in the answer.
/// </summary>
internal static class SetProductEndpoint
{
    private const int MaxReasonLength = 500;

    public static Error NotFound() => Errors.NotFound("channel.not-found", "No such channel.");

    public static async Task<IResult> HandleAsync(
        Guid id, HttpRequest request, SalusDbContext db, AuditScope audit, ChannelDirectory directory, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request.Body, ct);
        if (!body.IsSuccess)
        {
            return body.Error!.ToProblem();
        }

        var product = ChannelProduct.Parse(body.Value.Product);
        if (!product.IsSuccess)
        {
            return product.Error!.ToProblem();
        }

        var channel = await db.Set<Channel>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return NotFound().ToProblem();
        }

        if (!string.Equals(channel.Product, product.Value, StringComparison.Ordinal))
        {
            channel.Product = product.Value;
            channel.UpdatedUtc = time.GetUtcNow().UtcDateTime;
            audit.Reason = body.Value.Reason;
            await db.SaveChangesAsync(ct);
            directory.Forget(channel.Id);
        }

        return TypedResults.Ok(ChannelView.From(channel));
    }

    /// <summary>The body's members, or a validation error naming the member that is wrong.</summary>
    public static async Task<Result<SetProductRequest>> ReadAsync(Stream body, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Invalid("body", "A JSON object is required, e.g. {\"product\": \"Tachipirina\"}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("body", "A JSON object is required, e.g. {\"product\": \"Tachipirina\"}.");
            }

            if (!root.TryGetProperty("product", out var product))
            {
                return Invalid("product", "Required: the product as a string, or null to clear it.");
            }

            if (product.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return Invalid("product", "Must be a string, or null to clear it.");
            }

            string? reason = null;
            if (root.TryGetProperty("reason", out var reasonElement) && reasonElement.ValueKind != JsonValueKind.Null)
            {
                if (reasonElement.ValueKind != JsonValueKind.String)
                {
                    return Invalid("reason", "Must be a string.");
                }

                reason = reasonElement.GetString()!.Trim();
                if (reason.Length > MaxReasonLength)
                {
                    return Invalid("reason", $"At most {MaxReasonLength} characters.");
                }
            }

            return new SetProductRequest(product.GetString(), string.IsNullOrEmpty(reason) ? null : reason);
        }
    }

    private static Error Invalid(string field, string problem) =>
        Errors.Validation("channel.product.request", "The request is not valid.", new Dictionary<string, string[]> { [field] = [problem] });
}
