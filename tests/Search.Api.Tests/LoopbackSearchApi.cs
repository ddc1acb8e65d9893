using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Search.Api.Tests;

/// <summary>
/// The real API on a real socket: Kestrel on 127.0.0.1 and a free port, with an admin key and a read key, over a
/// fresh index built from the seeds and fixture articles. Logs of every category and level go to <see cref="Log"/>
/// when one is given; otherwise only warnings and errors are kept, so a long soak does not fill memory with logs.
/// </summary>
public sealed class LoopbackSearchApi : SearchApiFactory
{
    public const string AdminKey = "loopback-admin-key-5f1d2c7e9a";
    public const string ReadKey = "loopback-read-key-8b3e6a0c4d";

    public LoopbackSearchApi(CapturedLog? log = null)
    {
        Log = log;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Receives every log entry of the service, from the first line of start-up on.</summary>
    public CapturedLog? Log { get; }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234/</c>; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts Kestrel and returns the address it listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:AdminKey", AdminKey);
        builder.UseSetting("Search:ReadKey", ReadKey);
        if (Log is null)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            return;
        }

        // Everything down to Trace, in every category (more than appsettings.json lets through), only to this log.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Log));
    }
}
