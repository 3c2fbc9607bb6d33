using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// The README's authorization matrix, cell by cell: every endpoint, as every kind of principal, on what is
/// its own and on what is another VM's. A refused cell is 403 <c>Forbidden</c> (-EPERM) and changes nothing;
/// an allowed one gets the pool's own answer, whatever it is (a 409 from the pool's rules is still allowed).
/// </summary>
public sealed class AuthorizationMatrixTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    /// <summary>Who asks. A and B are two VMs; the bound principals are A's.</summary>
    public enum Caller
    {
        Operator,
        Auditor,
        Vm,
        ComponentForVm,
        Component,
    }

    /// <summary>Whose set, IOASID, mm or notifier the request names: A's (the bound callers' own) or B's.</summary>
    public enum Target
    {
        Own,
        Foreign,
    }

    private static readonly Row[] Rows =
    [
        new("GET", "", null, Anyone),
        new("PUT", "", "{}", OperatorOnly),
        new("POST", "/capacity/install", """{"total":4096}""", OperatorOnly),
        new("POST", "/capacity/reserve", """{"count":1}""", OperatorOnly),
        new("POST", "/capacity/cancel", """{"count":1}""", OperatorOnly),
        new("PATCH", "/sets/{set}", """{"quota":9}""", OperatorOnly),
        new("POST", "/sets", """{"type":"mm","token":"{mm}","quota":0}""", (who, on) => who == Caller.Operator || Bound(who) && on == Target.Own),
        new("POST", "/sets", """{"type":"null","quota":0}""", (who, _) => who is Caller.Operator or Caller.Component),
        new("POST", "/sets", """{"type":"mm","token":"{mm}","quota":8}""", OperatorOnly),
        new("GET", "/sets", null, PoolWide),
        new("GET", "/sets?token={mm}", null, Read),
        new("GET", "/sets/{set}", null, Read),
        new("GET", "/sets/{set}/history", null, Read),
        new("GET", "/sets/{set}?asOf=1", null, PoolWide),
        new("DELETE", "/sets/{set}", null, Change),
        new("POST", "/sets/{set}/release", null, Change),
        new("POST", "/sets/{set}/free-all", null, Change),
        new("POST", "/sets/{set}/ioasids", """{"min":1,"max":100}""", Change),
        new("POST", "/sets/{set}/spids/7/lookup", """{"get":false}""", Change),
        new("POST", "/sets/{set}/spids/7/lookup", """{"get":true,"holder":"{me}"}""", Change),
        new("GET", "/ioasids/{id}", null, Read),
        new("GET", "/ioasids/{id}/private", null, Read),
        new("GET", "/ioasids/{id}/history", null, Read),
        new("GET", "/ioasids/{id}?asOf=1", null, PoolWide),
        new("POST", "/ioasids/{id}/refs", """{"holder":"{me}","setId":{set}}""", Change),
        new("POST", "/ioasids/{id}/refs", """{"holder":"{me}"}""", Change),
        new("POST", "/ioasids/{id}/refs", """{"holder":"kvm:B","setId":{set}}""", OperatorOnly),
        new("POST", "/ioasids/{id}/refs", """{"holder":"{me}","ifOwned":true}""", (who, _) => who != Caller.Auditor),
        new("POST", "/ioasids/{id}/refs/release", """{"holder":"{me}","setId":{set}}""", Change),
        new("POST", "/ioasids/{id}/refs/release", """{"holder":"kvm:B","setId":{set}}""", OperatorOnly),
        new("POST", "/ioasids/{id}/free", """{"setId":{set}}""", Change),
        new("PUT", "/ioasids/{id}/private", """{"data":"x"}""", Change),
        new("DELETE", "/ioasids/{id}/private", null, Change),
        new("PUT", "/ioasids/{id}/spid", """{"spid":77}""", Change),
        new("DELETE", "/ioasids/{id}/spid", null, Change),
        new("POST", "/notifiers", """{"name":"{me}","scope":"mm","token":"{mm}","priority":"cpu"}""", Change),
        new("POST", "/notifiers", """{"name":"{me}","scope":"set","setId":{set},"priority":"device"}""", Change),
        new("POST", "/notifiers", """{"name":"{me}","scope":"global","priority":"iommu"}""", (who, _) => who is Caller.Operator or Caller.Component),
        new("POST", "/notifiers", """{"name":"kvm:B","scope":"mm","token":"mm:B","priority":"cpu"}""", OperatorOnly),
        new("POST", "/notifiers", """{"name":"{me}","scope":"mm","token":"{mm}","priority":"cpu","reactions":[{"on":"bind","action":"get","holder":"kvm:B"}]}""", OperatorOnly),
        new("DELETE", "/notifiers/{notifier}", null, (who, on) => who == Caller.Operator || who != Caller.Auditor && on == Target.Own),
        new("GET", "/notifiers", null, PoolWide),
        new("GET", "/events", null, PoolWide),
        new("GET", "/notifications", null, PoolWide),
        new("GET", "/rejections", null, PoolWide),
        new("GET", "/v1/refusals", null, (who, _) => who is Caller.Operator or Caller.Auditor),
    ];

    public static TheoryData<string, Caller, Target> Cells()
    {
        var cells = new TheoryData<string, Caller, Target>();
        foreach (var row in Rows)
        {
            foreach (var who in Enum.GetValues<Caller>())
            {
                foreach (var on in row.NamesATarget ? Enum.GetValues<Target>() : [Target.Own])
                {
                    cells.Add(row.Label, who, on);
                }
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Every_cell_of_the_matrix(string row, Caller who, Target on)
    {
        var cell = Rows.Single(r => r.Label == row);
        var pool = await client.NewPoolAsync();
        var principal = Principal(who);
        // Notifier 1 is B's KVM, notifier 2 the caller's own; set 0 and IOASID 1 are A's, set 1 and IOASID 2 B's.
        (await pool.PostAsync("/notifiers", new { name = "kvm:B", scope = "mm", token = "mm:B", priority = "cpu" })).ShouldHaveStatus(201);
        await pool.CreateSetAsync("mm", "mm:A");
        await pool.CreateSetAsync("mm", "mm:B");
        (await pool.PostAsync("/notifiers", new { name = principal, scope = "set", setId = 0, priority = "device" })).ShouldHaveStatus(201);
        await pool.AllocateAsync(0);
        await pool.AllocateAsync(1);
        var before = await pool.FootprintAsync();

        var path = Fill(cell.Path, principal, on);
        var answer = await client.SendRawAsync(new HttpMethod(cell.Method), path.StartsWith("/v1/", StringComparison.Ordinal) ? path : pool.Path + path,
            Fill(cell.Body, principal, on), caller: CallerOf(who));

        if (cell.Allowed(who, on))
        {
            answer.Code.ShouldNotBe(401, answer.ToString());
            (answer.Code == 403 && answer.Json.Str("reason") == "Forbidden").ShouldBeFalse($"{who} {on}: {answer}");
        }
        else
        {
            answer.ShouldBeProblem(403, "Forbidden", "EPERM");
            (await pool.FootprintAsync()).ShouldBe(before);
        }
    }

    private static string Principal(Caller who) => who switch
    {
        Caller.Operator => LedgerClient.Operator,
        Caller.Auditor => "auditor:ann",
        Caller.Vm => "mm:A",
        Caller.ComponentForVm => "vfio:A",
        _ => "iommu:host",
    };

    private static string CallerOf(Caller who) => who == Caller.ComponentForVm ? "vfio:A for mm:A" : Principal(who);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(template))]
    private static string? Fill(string? template, string principal, Target on) => template?
        .Replace("{me}", principal, StringComparison.Ordinal)
        .Replace("{mm}", on == Target.Own ? "mm:A" : "mm:B", StringComparison.Ordinal)
        .Replace("{set}", on == Target.Own ? "0" : "1", StringComparison.Ordinal)
        .Replace("{id}", on == Target.Own ? "1" : "2", StringComparison.Ordinal)
        .Replace("{notifier}", on == Target.Own ? "2" : "1", StringComparison.Ordinal);

    private static bool Bound(Caller who) => who is Caller.Vm or Caller.ComponentForVm;

    private static bool Anyone(Caller who, Target on) => true;

    private static bool OperatorOnly(Caller who, Target on) => who == Caller.Operator;

    /// <summary>Pool-wide lists and past views: not for a principal bound to one VM.</summary>
    private static bool PoolWide(Caller who, Target on) => !Bound(who);

    private static bool Read(Caller who, Target on) => !Bound(who) || on == Target.Own;

    private static bool Change(Caller who, Target on) => who != Caller.Auditor && (!Bound(who) || on == Target.Own);

    private sealed record Row(string Method, string Path, string? Body, Func<Caller, Target, bool> Allowed)
    {
        public string Label => $"{Method} {Path} {Body}".TrimEnd();

        public bool NamesATarget => $"{Path}{Body}".Contains("{set}", StringComparison.Ordinal) || $"{Path}{Body}".Contains("{id}", StringComparison.Ordinal)
            || $"{Path}{Body}".Contains("{mm}", StringComparison.Ordinal) || Path.Contains("{notifier}", StringComparison.Ordinal);
    }
}
