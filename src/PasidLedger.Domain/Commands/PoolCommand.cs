namespace PasidLedger.Domain.Commands;

/// <summary>A request to change a pool. <see cref="Pool.Decide"/> answers it with events or a rejection.</summary>
public abstract record PoolCommand;

/// <summary>Create the pool (F0); a no-op when it exists.</summary>
public sealed record CreatePool(string Pool, Model.PoolOptions? Options = null) : PoolCommand;
