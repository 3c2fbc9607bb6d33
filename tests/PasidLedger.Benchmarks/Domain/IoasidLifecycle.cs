using PasidLedger.Domain.Commands;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Domain;

/// <summary>
/// One ring slot of <see cref="MixedCommandStreamBenchmark"/>: the commands a VFIO/KVM user
/// issues over one IOASID's life, one per call, with the generation of the grant as handle.
/// </summary>
internal sealed class IoasidLifecycle(int setId, uint spid)
{
    public const int Stages = 6;

    private const string Device = "vfio";

    private int stage;
    private uint id;
    private int generation;

    public void Advance(PoolState state)
    {
        switch (stage)
        {
            case 0:
                var grant = PoolDriver.Allocate(state, setId, 1, 0xF_FFFF);
                (id, generation) = (grant.Id, grant.Generation);
                break;
            case 1:
                PoolDriver.Apply(state, new AttachSpid(id, spid, generation));
                break;
            case 2:
                PoolDriver.Apply(state, new AcquireRef(id, Device, setId, generation));
                break;
            case 3:
                PoolDriver.Apply(state, new ReleaseRef(id, Device, setId, generation));
                break;
            case 4:
                PoolDriver.Apply(state, new DetachSpid(id, generation));
                break;
            default:
                PoolDriver.Apply(state, new FreeIoasid(id, setId, generation));
                break;
        }

        stage = (stage + 1) % Stages;
    }
}
