using System.Net.Sockets;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The service on real Kestrel, listening on a Unix socket (no TCP port needed), for what the in-memory
/// test server does not do, such as enforcing Kestrel's request-body limit.
/// </summary>
public sealed class KestrelLedgerApi : LedgerApi
{
    private readonly string socketPath = Path.Combine(Path.GetTempPath(), $"pasidledger-api-{Guid.NewGuid():N}.sock");

    public KestrelLedgerApi(PostgresServer server)
        : base(server) => UseKestrel(kestrel => kestrel.ListenUnixSocket(socketPath));

    public override ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    public override LedgerClient NewClient()
    {
        var sockets = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var http = new HttpClient(new ResponseGuard { InnerHandler = sockets }) { BaseAddress = new Uri("http://localhost") };
        return new LedgerClient(http, this);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(socketPath);
    }
}
