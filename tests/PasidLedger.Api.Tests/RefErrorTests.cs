using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>get / get_if_owned / put refusals (DOMAIN.md 2.3, S19, S25, S48, R18): status, reason and errno.</summary>
public sealed class RefErrorTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Get_on_an_unknown_id_is_400_EINVAL_S19()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        (await pool.AcquireAsync(42, "kvm", setId: 0)).ShouldBeProblem(400, "UnknownId", "EINVAL");
    }

    [Fact]
    public async Task Get_on_a_free_pending_id_is_409_EBUSY_and_refs_stay_S25()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "mm:A");
        await pool.AllocateAsync(0);
        await pool.AcquireAsync(1, "kvm");
        await pool.AcquireAsync(1, "kvm");
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        (await pool.AcquireAsync(1, "vdcm", setId: 0)).ShouldBeProblem(409, "FreePending", "EBUSY");
        (await pool.AcquireAsync(1, "vdcm")).ShouldBeProblem(409, "FreePending", "EBUSY");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "mm:A", ifOwned = true }, caller: "mm:A")).ShouldBeProblem(409, "FreePending", "EBUSY");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(2);
    }

    [Fact]
    public async Task Get_naming_another_set_is_403_EACCES()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.CreateSetAsync("mm", "B");
        await pool.AllocateAsync(0);

        (await pool.AcquireAsync(1, "kvm", setId: 1)).ShouldBeProblem(403, "NotOwner", "EACCES");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
    }

    /// <summary>The calling process is the token's: a VM's own mm, or the VM a component acts for.</summary>
    [Fact]
    public async Task Get_if_owned_by_another_process_is_403_EPERM_S48()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "mm:A");
        await pool.AllocateAsync(0);

        (await pool.PostAsync("/ioasids/1/refs", new { holder = "mm:B", ifOwned = true }, caller: "mm:B")).ShouldBeProblem(403, "NotOwner", "EPERM");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "vfio:B", ifOwned = true }, caller: "vfio:B for mm:B")).ShouldBeProblem(403, "NotOwner", "EPERM");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "iommu:host", ifOwned = true }, caller: "iommu:host")).ShouldBeProblem(403, "NotOwner", "EPERM");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "vfio", ifOwned = true })).ShouldBeProblem(403, "NotOwner", "EPERM");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "mm:A", ifOwned = true }, caller: "mm:A")).Json.Number("refs").ShouldBe(2);
        var owned = await pool.PostAsync("/ioasids/1/refs", new { holder = "vfio:A", ifOwned = true }, caller: "vfio:A for mm:A");
        owned.ShouldHaveStatus(200);
        owned.Json.Number("refs").ShouldBe(3);
    }

    [Fact]
    public async Task Get_if_owned_on_an_unknown_id_is_404_and_on_a_null_set_is_400()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null");
        await pool.AllocateAsync(0);

        (await pool.PostAsync("/ioasids/9/refs", new { holder = "vfio:A", ifOwned = true }, caller: "vfio:A")).ShouldBeProblem(404, "UnknownId", "ENOENT");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "vfio:A", ifOwned = true }, caller: "vfio:A")).ShouldBeProblem(400, "NotMmSet", "EINVAL");
    }

    [Fact]
    public async Task A_stale_generation_is_409_ESTALE_R18()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 4);
        await pool.AllocateAsync(0);
        await pool.PostAsync("/ioasids/1/free", new { setId = 0, generation = 1 });
        (await pool.AllocateAsync(0)).Number("generation").ShouldBe(2);

        (await pool.PostAsync("/ioasids/1/refs", new { holder = "kvm", setId = 0, generation = 1 })).ShouldBeProblem(409, "StaleHandle", "ESTALE");
        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "core", setId = 0, generation = 1 })).ShouldBeProblem(409, "StaleHandle", "ESTALE");
        (await pool.PostAsync("/ioasids/1/free", new { setId = 0, generation = 1 })).ShouldBeProblem(409, "StaleHandle", "ESTALE");
        (await pool.PutAsync("/ioasids/1/spid", new { spid = 5, generation = 1 })).ShouldBeProblem(409, "StaleHandle", "ESTALE");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
    }

    [Fact]
    public async Task Put_by_a_holder_without_a_reference_is_400_NotHolder()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm" })).ShouldBeProblem(400, "NotHolder", "EINVAL");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
    }
}
