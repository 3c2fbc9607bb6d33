using PasidLedger.Domain.Access;

namespace PasidLedger.Bus.Commands;

/// <summary>The ledger's bearer tokens, checked as HTTP checks them: the port the bus command endpoint authenticates through.</summary>
public interface IBearerTokens
{
    /// <summary>The principal <paramref name="token"/> names, or null when it is not a valid ledger token.</summary>
    Task<Principal?> AuthenticateAsync(string token);
}
