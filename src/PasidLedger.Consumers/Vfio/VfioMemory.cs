using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Vfio;

/// <summary>VFIO's saved state: the calls holding a reference right now and what the last calls answered.</summary>
public sealed class VfioMemory : ComponentMemory
{
    /// <summary>How many answers <see cref="Answers"/> keeps.</summary>
    public const int AnswersKept = 32;

    /// <summary>The calls between their <c>get_if_owned</c> and their <c>put</c>, by request id.</summary>
    public SortedDictionary<Guid, VfioCall> InFlight { get; init; } = [];

    /// <summary>The last calls' answers, oldest first.</summary>
    public List<string> Answers { get; init; } = [];
}

/// <summary>A bind or unbind of <paramref name="Device"/> on host PASID <paramref name="Id"/> holding a reference taken by <c>get_if_owned</c>.</summary>
public sealed record VfioCall(string Call, uint Id, int Generation, string Device);
