using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Safeguard.Bench;

/// <summary>The built web app, run as its own process on a free loopback port against the seeded database.</summary>
internal sealed class WebApp(Process process, Uri baseUrl) : IDisposable
{
    public static async Task<WebApp> StartAsync(string repoRoot, string provider, string connection, string folder)
    {
        var dll = new[] { "Release", "Debug" }.Select(c => Path.Combine(repoRoot, "src/Safeguard.Web/bin", c, "net10.0/Safeguard.Web.dll"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("Build the web app first: dotnet build src/Safeguard.Web -c Release");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(repoRoot, "src/Safeguard.Web"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        start.Environment["Safeguard__DataFolder"] = folder;
        start.Environment["Safeguard__Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Safeguard"] = connection;
        start.Environment["Safeguard__Clock__Enabled"] = "false"; // nothing but the requests timed runs in the app
        // The load comes from one API client: its per-client limit (3,000 a minute by default) would refuse it.
        start.Environment["Safeguard__Security__ApiRequestsPerClientPerMinute"] = "1000000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = app._baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(250))
        {
            if (process.HasExited) throw new InvalidOperationException($"The web app exited while starting (code {process.ExitCode}).");
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The web app did not answer /health within 2 minutes.");
            try { if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return app; }
            catch (HttpRequestException) { /* not listening yet */ }
        }
    }

    private readonly Uri _baseUrl = baseUrl;

    /// <summary>A client of the API with a bearer token, as another system calls it.</summary>
    public HttpClient TokenClient(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = _baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The app's peak resident memory so far (Linux), in MB; 0 where the system does not say.</summary>
    public double PeakMemoryMb()
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status)) return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>A client with the session cookie of a user signed in through the sign-in page, as a browser signs in.</summary>
    /// <remarks>The app marks its cookies <c>Secure</c> (it expects TLS in front of it), which a cookie container
    /// would then not send over plain http to 127.0.0.1, so the cookies are carried by hand.</remarks>
    public async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
            { BaseAddress = _baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var cookies = new Dictionary<string, string>();
        void Keep(HttpResponseMessage r)
        {
            foreach (var header in r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
        }
        var form = await client.GetAsync("/sign-in");
        Keep(form);
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["Username"] = username, ["Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        var answer = await client.SendAsync(post);
        if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {username} answered {(int)answer.StatusCode}.");
        Keep(answer);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        return client;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
