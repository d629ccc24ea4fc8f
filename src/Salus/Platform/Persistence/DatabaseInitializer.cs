using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Platform.Audit;
using Salus.Platform.Identity;

namespace Salus.Platform.Persistence;

/// <summary>Applies migrations, creates the roles, the first administrator and (on request) the demo organisation.</summary>
public sealed class DatabaseInitializer(
    SalusDbContext db,
    UserManager<SalusUser> users,
    RoleManager<IdentityRole> roles,
    AuditScope audit,
    TimeProvider time,
    IOptions<BootstrapOptions> bootstrap,
    IEnumerable<IDemoSeeder> demoSeeders)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default) =>
        await db.Database.MigrateAsync(cancellationToken);

    /// <summary>Returns the one-time password of a newly created administrator, or null if users already exist.</summary>
    public async Task<string?> SeedAsync(CancellationToken cancellationToken = default)
    {
        audit.ActAs("system", "system (first start)");
        await EnsureRolesAsync();

        string? oneTimePassword = null;
        if (!await users.Users.AnyAsync(cancellationToken))
        {
            oneTimePassword = NewPassword();
            var admin = new SalusUser
            {
                UserName = bootstrap.Value.AdminEmail, Email = bootstrap.Value.AdminEmail, DisplayName = "Administrator",
                MustChangePassword = true, CreatedUtc = time.GetUtcNow().UtcDateTime, EmailConfirmed = true,
            };
            Check(await users.CreateAsync(admin, oneTimePassword));
            Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        }

        if (bootstrap.Value.Demo)
        {
            await SeedDemoAsync();
            foreach (var seeder in demoSeeders)
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }

        return oneTimePassword;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task SeedDemoAsync()
    {
        foreach (var person in DemoOrganisation.People)
        {
            if (await users.FindByEmailAsync(person.Email) is not null)
            {
                continue;
            }

            var user = new SalusUser
            {
                UserName = person.Email, Email = person.Email, DisplayName = person.Name, Kind = person.Kind,
                StakeholderFunction = person.Function, Department = person.Department, Market = person.Market,
                CreatedUtc = time.GetUtcNow().UtcDateTime, EmailConfirmed = true, PreferredCulture = person.Culture,
            };
            Check(await users.CreateAsync(user, bootstrap.Value.DemoPassword));
            foreach (var role in person.Roles)
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }
    }

    /// <summary>20 characters from an unambiguous alphabet, grouped for reading aloud.</summary>
    public static string NewPassword()
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
