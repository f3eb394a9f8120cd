var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
// MapStaticAssets serves compressed copies that live in obj/ until the app is published; outside
// Development they are found only through the static web assets manifest, so load it always (it is
// absent, and this a no-op, in published output). Without it, browsers get empty CSS from bin/.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.MapStaticAssets();
app.MapGet("/health", () => Results.Text("ok"));
app.MapRazorPages();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
