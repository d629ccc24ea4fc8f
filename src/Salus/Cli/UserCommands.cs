using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Identity;

namespace Salus.Cli;

internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail address (also the user name).", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"Role (repeatable): {string.Join(", ", Roles.All)}.", AllowMultipleArgumentsPerToken = true };
        var function = new Option<StakeholderFunction?>("--function") { Description = "Stakeholder function for policy stakeholders." };
        var create = new Command("create", "Create a user and print a one-time password.") { email, name, roles, function };
        create.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            var result = await services.GetRequiredService<UserAdministration>().InviteAsync(new InviteUser(
                parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(roles) ?? [], Function: parse.GetValue(function)));
            if (!result.IsSuccess)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(Describe(result.Error!));
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Created {result.Value.Email}; one-time password: {result.Value.OneTimePassword}");
            return 0;
        }));

        var who = new Option<string>("--email") { Description = "E-mail address or id of the user.", Required = true };
        var reset = new Command("reset-password", "Set a new one-time password (and lift a lockout).") { who };
        reset.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            var result = await services.GetRequiredService<UserAdministration>().ResetPasswordAsync(parse.GetValue(who)!);
            if (!result.IsSuccess)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(Describe(result.Error!));
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"New one-time password: {result.Value}");
            return 0;
        }));

        var list = new Command("list", "List users and their roles.");
        list.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            foreach (var u in await services.GetRequiredService<UserAdministration>().ListAsync())
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"{u.Email,-36} {(u.IsActive ? "active" : "inactive"),-9} {u.Kind,-16} {string.Join(",", u.Roles)}");
            }

            return 0;
        }));
        return new Command("users", "Manage user accounts.") { create, reset, list };
    }

    private static string Describe(Platform.Results.Error error) =>
        error.Fields is { Count: > 0 }
            ? $"{error.Message} {string.Join(" ", error.Fields.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")))}"
            : error.Message;
}
