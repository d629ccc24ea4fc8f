using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Pages;

/// <summary>Adds or edits a channel. Secrets are encrypted before they are stored and never shown again.</summary>
[Authorize(Policy = AccessPolicies.Administration)]
public sealed class EditModel(
    SalusDbContext db, ChannelDirectory directory, ChannelStreamSupervisor streams, TimeProvider time, IStringLocalizer<ChannelResource> localizer) : PageModel
{
    public sealed class ChannelInput
    {
        public ChannelKind Kind { get; set; }

        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [Required, StringLength(8)]
        public string Market { get; set; } = "IT";

        /// <summary>The medicine or brand the account is about; checked by <see cref="ChannelProduct.Parse"/> (the API's rule).</summary>
        public string? Product { get; set; }

        [Required, StringLength(500), Url]
        public string ApiBaseUrl { get; set; } = "";

        [Required, StringLength(500)]
        public string AccountId { get; set; } = "";

        [Range(5, 86_400)]
        public int PollIntervalSeconds { get; set; } = 60;

        public bool Enabled { get; set; } = true;

        /// <summary>Use the platform's streaming API (Mastodon); ignored for platforms that cannot stream.</summary>
        public bool Streaming { get; set; }

        public DateTime? TokenExpiresUtc { get; set; }

        public string? AccessToken { get; set; }

        public string? WebhookSecret { get; set; }

        public string? VerifyToken { get; set; }

        public string? Username { get; set; }

        public string? Password { get; set; }
    }

    public sealed record StoredSecrets(bool AccessToken, bool WebhookSecret, bool VerifyToken, bool Password);

    [BindProperty]
    public ChannelInput Input { get; set; } = new();

    public StoredSecrets Stored { get; private set; } = new(false, false, false, false);

    public bool IsNew { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Response.Headers.CacheControl = "no-store";
        if (id is null)
        {
            return Page();
        }

        var channel = await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (channel is null)
        {
            return NotFound();
        }

        Load(channel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Response.Headers.CacheControl = "no-store";
        var channel = id is null ? null : await db.Set<Channel>().SingleOrDefaultAsync(c => c.Id == id);
        if (id is not null && channel is null)
        {
            return NotFound();
        }

        var product = ChannelProduct.Parse(Input.Product);
        if (!product.IsSuccess)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ChannelInput.Product)}",
                localizer["Product: at most {0} characters, on one line.", ChannelProduct.MaxLength]);
        }

        if (!ModelState.IsValid)
        {
            if (channel is not null)
            {
                IsNew = false;
                Stored = StoredOf(directory.ReadCredentials(channel));
            }

            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (channel is null)
        {
            channel = new Channel { Id = Guid.NewGuid(), Kind = Input.Kind, CreatedUtc = now };
            db.Set<Channel>().Add(channel);
        }

        var old = directory.ReadCredentials(channel);
        var credentials = new ChannelCredentials
        {
            AccessToken = Keep(Input.AccessToken, old.AccessToken), WebhookSecret = Keep(Input.WebhookSecret, old.WebhookSecret),
            VerifyToken = Keep(Input.VerifyToken, old.VerifyToken), Username = string.IsNullOrWhiteSpace(Input.Username) ? old.Username : Input.Username.Trim(),
            Password = Keep(Input.Password, old.Password),
        };
        channel.Name = Input.Name.Trim();
        channel.Market = Input.Market.Trim().ToUpperInvariant();
        channel.Product = product.Value;
        channel.ApiBaseUrl = Input.ApiBaseUrl.Trim();
        channel.AccountId = Input.AccountId.Trim();
        channel.PollIntervalSeconds = Input.PollIntervalSeconds;
        channel.Enabled = Input.Enabled;
        channel.Streaming = Input.Streaming && channel.Kind == ChannelKind.Mastodon;
        channel.TokenExpiresUtc = Input.TokenExpiresUtc is { } expiry ? DateTime.SpecifyKind(expiry, DateTimeKind.Utc) : null;
        if (credentials != old || string.IsNullOrEmpty(channel.ProtectedCredentials))
        {
            channel.ProtectedCredentials = directory.ProtectCredentials(credentials);
        }

        channel.UpdatedUtc = now;
        await db.SaveChangesAsync();
        directory.Forget(channel.Id);
        streams.Refresh();
        return Redirect("/channels");
    }

    private void Load(Channel channel)
    {
        IsNew = false;
        var credentials = directory.ReadCredentials(channel);
        Stored = StoredOf(credentials);
        Input = new ChannelInput
        {
            Kind = channel.Kind, Name = channel.Name, Market = channel.Market, Product = channel.Product, ApiBaseUrl = channel.ApiBaseUrl, AccountId = channel.AccountId,
            PollIntervalSeconds = channel.PollIntervalSeconds, Enabled = channel.Enabled, Streaming = channel.Streaming, TokenExpiresUtc = channel.TokenExpiresUtc, Username = credentials.Username,
        };
    }

    private static StoredSecrets StoredOf(ChannelCredentials c) =>
        new(!string.IsNullOrEmpty(c.AccessToken), !string.IsNullOrEmpty(c.WebhookSecret), !string.IsNullOrEmpty(c.VerifyToken), !string.IsNullOrEmpty(c.Password));

    private static string? Keep(string? typed, string? stored) => string.IsNullOrWhiteSpace(typed) ? stored : typed.Trim();
}
