namespace PasidLedger.Domain.Model;

/// <summary>Cross-chain order of one notification (DOMAIN.md 4.5, D11).</summary>
public enum DispatchPolicy
{
    /// <summary>V4 code: the whole global chain, then the set chain.</summary>
    PerChainGlobalFirst,

    /// <summary>Doc intent: both chains merged by priority.</summary>
    MergedByPriority,
}
