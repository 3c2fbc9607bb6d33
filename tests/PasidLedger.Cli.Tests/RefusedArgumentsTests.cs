using PasidLedger.Cli.Tests.Support;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Cli.Tests;

/// <summary>
/// <c>show</c> and <c>history</c> refuse what the HTTP API refuses, with its reason and errno: one line on
/// stderr, a non-zero exit code, nothing on stdout. The input is checked before the pool is looked up.
/// </summary>
public sealed class RefusedArgumentsTests(CliLedger ledger) : IClassFixture<CliLedger>
{
    private const string Unknown = "no-such-pool";

    [Theory]
    [InlineData("show pool no-such-pool", "pool no-such-pool does not exist (UnknownPool, -2 ENOENT)")]
    [InlineData("show pool no-such-pool --as-of 1", "pool no-such-pool does not exist (UnknownPool, -2 ENOENT)")]
    [InlineData("show set no-such-pool 0", "pool no-such-pool does not exist (UnknownPool, -2 ENOENT)")]
    [InlineData("history ioasid no-such-pool 1", "pool no-such-pool does not exist (UnknownPool, -2 ENOENT)")]
    [InlineData("history set no-such-pool 0", "pool no-such-pool does not exist (UnknownPool, -2 ENOENT)")]
    [InlineData("show set {pool} 7", "set 7 does not exist (UnknownSet, -2 ENOENT)")]
    [InlineData("show ioasid {pool} 9", "IOASID 9 is not allocated (UnknownId, -2 ENOENT)")]
    [InlineData("show set {pool} 0 --as-of 1", "set 0 did not exist at version 1 (UnknownSet, -2 ENOENT)")]
    [InlineData("show ioasid {pool} 1 --as-of 1", "IOASID 1 was not allocated at version 1 (UnknownId, -2 ENOENT)")]
    [InlineData("show pool {pool} --as-of 999", "'--as-of' must be within [1, ")]
    [InlineData("show pool {pool} --as-of 999", "(VersionBeyondStream, -22 EINVAL)")]
    [InlineData("show pool {pool} --as-of 2000-01-01T00:00:00Z", "pool {pool} had no events at or before 2000-01-01T00:00:00.000000Z (UnknownPool, -2 ENOENT)")]
    [InlineData("show ioasid {pool} -1", "'id' must be within [0, 4294967295], got -1 (InvalidArgument, -22 EINVAL)")]
    [InlineData("show ioasid {pool} 4294967296", "'id' must be within [0, 4294967295], got 4294967296 (InvalidArgument, -22 EINVAL)")]
    [InlineData("show ioasid no-such-pool -1", "'id' must be within [0, 4294967295], got -1 (InvalidArgument, -22 EINVAL)")]
    [InlineData("show set {pool} -1", "'setId' must not be negative, got -1 (InvalidArgument, -22 EINVAL)")]
    [InlineData("history ioasid {pool} -1", "'id' must be within [0, 4294967295], got -1 (InvalidArgument, -22 EINVAL)")]
    [InlineData("history ioasid {pool} 1 --generation -1", "'--generation' must not be negative, got -1 (InvalidArgument, -22 EINVAL)")]
    [InlineData("history set {pool} -1", "'setId' must not be negative, got -1 (InvalidArgument, -22 EINVAL)")]
    public async Task ARefusal_IsOneLineWithTheReasonAndErrno(string command, string message)
    {
        var pool = await PoolWithAnIoasidAsync();

        var run = await ledger.RunAsync(command.Replace("{pool}", pool, StringComparison.Ordinal).Split(' '));

        run.ShouldFailWith(message.Replace("{pool}", pool, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("2026-12-05")]
    [InlineData("2026-12-05T10:42:00")]
    [InlineData("yesterday")]
    public async Task AMalformedAsOf_IsInvalidArgument(string asOf)
    {
        var pool = await PoolWithAnIoasidAsync();

        var run = await ledger.RunAsync("show", "pool", pool, "--as-of", asOf);

        run.ShouldFailWith("'--as-of' must be a stream version (a whole number of at least 1) or an RFC 3339 date and time with an offset");
        run.Error.ShouldContain("(InvalidArgument, -22 EINVAL)");
    }

    [Fact]
    public async Task WithoutAConnectionString_TheCommandSaysHowToGetOne()
    {
        var saved = Environment.GetEnvironmentVariable("PASIDLEDGER_PG");
        Environment.SetEnvironmentVariable("PASIDLEDGER_PG", null);
        try
        {
            var run = await CliInvocation.InvokeAsync(["show", "pool", Unknown]);

            run.ShouldFailWith("No PostgreSQL connection string: pass --connection or set PASIDLEDGER_PG.");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PASIDLEDGER_PG", saved);
        }
    }

    /// <summary>A pool at version 1 (created), then a set and IOASID 1 in it.</summary>
    private async Task<string> PoolWithAnIoasidAsync()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4));
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));
        return pool;
    }
}
