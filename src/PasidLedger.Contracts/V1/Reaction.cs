namespace PasidLedger.Contracts.V1;

/// <summary>
/// An immediate reaction of a notifier registration (ARCHITECTURE.md 3), as a client sends it in
/// <see cref="RegisterNotifierCommand"/> and as <see cref="NotifierRegistered"/> reports it.
/// </summary>
/// <param name="On">The notification kind: <c>alloc</c>, <c>free</c>, <c>bind</c> or <c>unbind</c>.</param>
/// <param name="Action"><c>get</c>, <c>put</c>, <c>queueWork</c>, <c>detachSpid</c>, <c>detachData</c> or <c>free</c> (only the first three are legal in an atomic handler).</param>
/// <param name="Holder">The holder a get or put names; the registration's name when null.</param>
public sealed record Reaction(string On, string Action, string? Holder);
