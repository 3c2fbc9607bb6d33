using System.Net;
using System.Net.Sockets;

namespace PasidLedger.Testing;

/// <summary>Ports on 127.0.0.1 for things a test must reach at a fixed address.</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port nobody listens on at the moment of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
