using Safeguard.Web.Hosting;

namespace Safeguard.Cli;

/// <summary>The services a command needs, built as the web host builds them: the same configuration keys
/// (<c>Safeguard:Database:Provider</c>, <c>ConnectionStrings:Safeguard</c>, <c>Safeguard:DataFolder</c>, also
/// from <c>Safeguard__...</c> environment variables), with command-line options taking precedence.</summary>
public static class CliServices
{
    public static ServiceProvider Build(string? provider, string? connection, string? dataFolder)
    {
        var overrides = new Dictionary<string, string?>();
        if (provider is not null) overrides["Safeguard:Database:Provider"] = provider;
        if (connection is not null) overrides["ConnectionStrings:Safeguard"] = connection;
        if (dataFolder is not null) overrides["Safeguard:DataFolder"] = dataFolder;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();

        var services = new ServiceCollection();
        services.AddSafeguardDatabase(config);
        services.AddSafeguardCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
