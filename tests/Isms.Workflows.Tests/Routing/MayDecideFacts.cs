using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Tests.Org;
using static Isms.Workflows.Tests.Routing.RoutingTestData;

namespace Isms.Workflows.Tests.Routing;

public sealed class MayDecideFacts
{
    private static readonly OrgDirectory Directory = OrgTestData.Sample();
    private static readonly DateOnly InLeave = new(2026, 8, 12);
    private static readonly DateOnly AfterLeave = new(2026, 8, 17);

    private static Person Person(string id) => Directory.FindById(id)!;

    [Fact]
    public void Assignee_MayDecide()
    {
        var record = Record(FormKind.TakeoutRequest, OrgTestData.Aad(1));
        var step = Router(directory: Directory).Route(record, InLeave).Steps[0];

        Assert.True(Router(directory: Directory).MayDecide(step, Person(OrgTestData.Manager), InLeave, record));
    }

    [Fact]
    public void Deputy_MayDecideWithinTheRangeOnly()
    {
        var router = Router(directory: Directory);
        var record = Record(FormKind.TakeoutRequest, OrgTestData.Aad(1));
        var step = router.Route(record, InLeave).Steps[0];

        var deputy = Assert.Single(step.Deputies);
        Assert.Equal((OrgTestData.ManagersDeputy, OrgTestData.Manager, new DateOnly(2026, 8, 16)), (deputy.Person.PersonId, deputy.ActsForId, deputy.Until));
        Assert.True(router.MayDecide(step, Person(OrgTestData.ManagersDeputy), InLeave, record));
        Assert.False(router.MayDecide(step, Person(OrgTestData.ManagersDeputy), AfterLeave, record));
        Assert.Empty(router.Route(record, AfterLeave).Steps[0].Deputies);
    }

    [Fact]
    public void Deputy_WhoIsTheApplicant_MayNotDecide()
    {
        var router = Router(directory: Directory);
        var record = Record(FormKind.TakeoutRequest, OrgTestData.Aad(6));
        var step = router.Route(record, InLeave).Steps[0];

        Assert.Empty(step.Deputies);
        Assert.False(router.MayDecide(step, Person(OrgTestData.ManagersDeputy), InLeave, record));
        Assert.True(router.MayDecide(step, Person(OrgTestData.Manager), InLeave, record));
    }

    [Fact]
    public void Applicant_MayNeverDecide_EvenWhenNamedInTheStep()
    {
        var router = Router(directory: Directory);
        var record = Record(FormKind.TakeoutRequest, OrgTestData.Aad(2));
        var step = router.Route(Record(FormKind.TakeoutRequest, OrgTestData.Aad(1)), InLeave).Steps[0];

        Assert.Contains(step.Assignees, a => a.PersonId == OrgTestData.Manager);
        Assert.False(router.MayDecide(step, Person(OrgTestData.Manager), InLeave, record));
    }

    [Fact]
    public void Strangers_AndOthers_MayNotDecide()
    {
        var router = Router(directory: Directory);
        var record = Record(FormKind.TakeoutRequest, OrgTestData.Aad(1));
        var step = router.Route(record, InLeave).Steps[0];
        var impostor = Person(OrgTestData.Manager) with { Id = "X9999" };

        Assert.False(router.MayDecide(step, null, InLeave, record));
        Assert.False(router.MayDecide(step, impostor, InLeave, record));
        Assert.False(router.MayDecide(step, Person(OrgTestData.Ciso), InLeave, record));
        Assert.False(router.MayDecide(step, Person(OrgTestData.Officer), InLeave, record));
    }

    [Fact]
    public void FlagSteps_AreDecidedByNobody()
    {
        var router = Router(directory: Directory);
        var record = Record(FormKind.IncidentReport, OrgTestData.Aad(1), answers: ("personalData", "yes"));
        var flag = router.Route(record, InLeave).Steps.Single(s => s.Clause == "5.3(1)④");

        Assert.False(router.MayDecide(flag, Person(OrgTestData.Ciso), InLeave, record));
    }
}
