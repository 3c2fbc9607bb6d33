using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Tests.Support;

/// <summary>The kernel calls of DOMAIN.md 2 as commands, so scenarios read like the spec.</summary>
public static class Kernel
{
    /// <summary>The default allocation range: everything a 20-bit PASID allows.</summary>
    public const uint MaxPasid = 0xFFFFF;

    /// <summary><c>register_notifier(NULL, nb)</c>.</summary>
    public static RegisterNotifier RegisterGlobal(string name, Priority priority, params Reaction[] reactions) =>
        new(name, NotifierScope.Global, null, null, priority, null, reactions);

    /// <summary><c>register_notifier(set, nb)</c>.</summary>
    public static RegisterNotifier RegisterOnSet(string name, int setId, Priority priority, params Reaction[] reactions) =>
        new(name, NotifierScope.Set, setId, null, priority, null, reactions);

    /// <summary><c>register_notifier_mm(mm, nb)</c>.</summary>
    public static RegisterNotifier RegisterMm(string name, string? mm, Priority priority, params Reaction[] reactions) =>
        new(name, NotifierScope.Mm, null, mm, priority, null, reactions);

    /// <summary><c>alloc(set, min, max, private)</c>.</summary>
    public static AllocateIoasid Alloc(int setId, uint min = 1, uint max = MaxPasid, string? data = null) =>
        new(setId, min, max, data);

    /// <summary><c>get(set, id)</c> on behalf of <paramref name="holder"/>; a null set skips the owner check.</summary>
    public static AcquireRef Get(uint id, string holder, int? setId, int? generation = null) =>
        new(id, holder, setId, generation);

    /// <summary><c>put(set, id)</c> on behalf of <paramref name="holder"/>.</summary>
    public static ReleaseRef Put(uint id, string holder, int? setId, int? generation = null) =>
        new(id, holder, setId, generation);

    /// <summary><c>free(set, id)</c>.</summary>
    public static FreeIoasid Free(uint id, int? setId, int? generation = null) => new(id, setId, generation);
}
