using System.ComponentModel.DataAnnotations;

namespace PasidLedger.Api.Requests;

/// <summary>
/// A whole number within [0, 2^32 − 1], as <c>Validate.U32</c> checks it: counts, quotas, totals, IDs and SPIDs.
/// Describes the contract (the OpenAPI document's minimum and maximum); the endpoint enforces it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class U32Attribute() : RangeAttribute(0d, uint.MaxValue);
