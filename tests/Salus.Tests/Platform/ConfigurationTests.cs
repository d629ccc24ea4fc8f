namespace Salus.Tests.Platform;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task A_wrong_setting_stops_start_up_with_a_message_naming_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "salus-tests", Guid.NewGuid().ToString("N"));
        var error = new StringWriter();
        var exit = await Salus.Cli.SalusCli.RunAsync(["db", "migrate", "--data", folder, "--set", "Salus:Jobs:PollIntervalMilliseconds=1"], new StringWriter(), error);
        Assert.Equal(2, exit);
        Assert.Contains("PollIntervalMilliseconds", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_by_name()
    {
        var error = new StringWriter();
        var exit = await Salus.Cli.SalusCli.RunAsync(["db", "migrate", "--provider", "Postgres"], new StringWriter(), error);
        Assert.Equal(2, exit);
        Assert.Contains("Salus:Database:ConnectionString", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_creates_a_user_and_lists_it_in_the_same_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "salus-tests", Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        Assert.Equal(0, await Salus.Cli.SalusCli.RunAsync(
            ["users", "create", "--email", "pv.officer@example.org", "--name", "Pia Vigilanza", "--role", "pharmacovigilance-officer", "--data", folder], output, new StringWriter()));
        Assert.Contains("one-time password", output.ToString(), StringComparison.Ordinal);
        var list = new StringWriter();
        Assert.Equal(0, await Salus.Cli.SalusCli.RunAsync(["users", "list", "--data", folder], list, new StringWriter()));
        Assert.Contains("pv.officer@example.org", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("pharmacovigilance-officer", list.ToString(), StringComparison.Ordinal);
        var verify = new StringWriter();
        Assert.Equal(0, await Salus.Cli.SalusCli.RunAsync(["audit", "verify", "--data", folder], verify, new StringWriter()));
        Assert.Contains("intact", verify.ToString(), StringComparison.Ordinal);
    }
}
