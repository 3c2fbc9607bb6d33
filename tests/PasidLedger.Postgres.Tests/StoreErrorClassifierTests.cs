using Npgsql;

using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Tests;

/// <summary>Errors are classified by SQLSTATE only.</summary>
public sealed class StoreErrorClassifierTests
{
    [Theory]
    [InlineData("23505", StoreErrorKind.ConcurrencyConflict)]
    [InlineData("40001", StoreErrorKind.Retryable)]
    [InlineData("40P01", StoreErrorKind.Retryable)]
    [InlineData("08000", StoreErrorKind.ConnectionLost)]
    [InlineData("08006", StoreErrorKind.ConnectionLost)]
    [InlineData("57P01", StoreErrorKind.ConnectionLost)]
    [InlineData("23503", StoreErrorKind.Fatal)]
    [InlineData("23514", StoreErrorKind.Fatal)]
    [InlineData("22021", StoreErrorKind.DataRefused)]
    [InlineData("22P02", StoreErrorKind.DataRefused)]
    [InlineData("22", StoreErrorKind.Fatal)]
    [InlineData("42P01", StoreErrorKind.Fatal)]
    [InlineData("08", StoreErrorKind.Fatal)]
    [InlineData(null, StoreErrorKind.Fatal)]
    public void SqlState_MapsToAKind(string? sqlState, StoreErrorKind kind) =>
        StoreErrorClassifier.Classify(sqlState).ShouldBe(kind);

    [Fact]
    public void PostgresException_IsClassifiedByItsSqlState_NotItsMessage()
    {
        var unique = new PostgresException("deadlock detected (a misleading message)", "ERROR", "ERROR", "23505");

        StoreErrorClassifier.Classify(unique).ShouldBe(StoreErrorKind.ConcurrencyConflict);
    }

    [Fact]
    public void NpgsqlException_WithoutAServerReply_IsALostConnection() =>
        StoreErrorClassifier.Classify(new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))
            .ShouldBe(StoreErrorKind.ConnectionLost);

    [Fact]
    public void OtherException_IsFatal() =>
        StoreErrorClassifier.Classify(new InvalidOperationException("40001")).ShouldBe(StoreErrorKind.Fatal);
}
