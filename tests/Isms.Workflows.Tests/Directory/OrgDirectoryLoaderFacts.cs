using Isms.Workflows.Org;

namespace Isms.Workflows.Tests.Org;

public sealed class OrgDirectoryLoaderFacts
{
    [Fact]
    public void Sample_HasThePlaygroundUsersInTheirRoles()
    {
        var directory = OrgTestData.Sample();

        Assert.Equal("山田 太郎", directory.FindByAadObjectId(OrgTestData.Aad(1))?.Name);
        Assert.Equal(["佐藤 花子"], directory.Holders(OrgRole.SecurityManager, "警防課").Select(p => p.Name));
        Assert.Equal(["鈴木 一郎"], directory.Holders(OrgRole.SecurityOfficer, "警防課").Select(p => p.Name));
        Assert.Equal(["鈴木 一郎"], directory.Holders(OrgRole.SystemAdministrator, system: "ネットワーク").Select(p => p.Name));
        Assert.Equal(["高橋 次郎"], directory.Holders(OrgRole.ChiefSecurityOfficer).Select(p => p.Name));
        Assert.Equal(["田中 三郎"], directory.Holders(OrgRole.Ciso).Select(p => p.Name));
        Assert.NotEmpty(directory.Holders(OrgRole.CsirtLead));
        Assert.NotEmpty(directory.Holders(OrgRole.SecurityDesk));
    }

    [Fact]
    public void Sample_EveryDepartmentHasAnOfficerAndAManager()
    {
        var directory = OrgTestData.Sample();

        foreach (var department in directory.Departments.Where(d => d.Name != "消防本部"))
        {
            Assert.True(directory.Holders(OrgRole.SecurityOfficer, department.Name).Count == 1, department.Name);
            Assert.True(directory.Holders(OrgRole.SecurityManager, department.Name).Count == 1, department.Name);
        }

        Assert.Contains(directory.Departments, d => d.Name == "館林消防署");
        Assert.Contains(directory.Departments, d => d.Name == "邑楽消防署");
    }

    [Fact]
    public void AadObjectId_IsMatchedWhateverItsCase()
    {
        var directory = OrgTestData.Sample();

        Assert.Equal(OrgTestData.Manager, directory.FindByAadObjectId("00000000-0000-4000-8000-000000000002".ToUpperInvariant())?.Id);
        Assert.Null(directory.FindByAadObjectId("11111111-1111-4111-8111-111111111111"));
    }

    [Fact]
    public void Joined_IsReadAsTheDayTheyJoined_AndOptional()
    {
        var yaml = OrgTestData.Minimal();
        var first = yaml.IndexOf("title: 主事", StringComparison.Ordinal);
        var withJoined = yaml[..first] + "joined: 2026-10-01\n    " + yaml[first..];

        var directory = OrgDirectoryLoader.Parse(withJoined);

        Assert.Equal(new DateOnly(2026, 10, 1), directory.People.Single(p => p.JoinedOn is not null).JoinedOn);
        Assert.All(OrgDirectoryLoader.Parse(yaml).People, p => Assert.Null(p.JoinedOn));
        var error = Assert.Throws<DirectoryLoadException>(() => OrgDirectoryLoader.Parse(withJoined.Replace("2026-10-01", "10/1"), "org.yaml"));
        Assert.Contains(error.Errors, e => e.Contains("joined '10/1' is not a date", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("内線 2102")]
    [InlineData("内線2102")]
    [InlineData("0276-72-0000")]
    [InlineData("外線 0276-72-0000")]
    [InlineData("+81 276 72 0000")]
    public void Phone_IsReadAsGiven_AndOptional(string phone)
    {
        var yaml = OrgTestData.Minimal();
        var first = yaml.IndexOf("title: 主事", StringComparison.Ordinal);

        var directory = OrgDirectoryLoader.Parse(yaml[..first] + $"phone: {phone}\n    " + yaml[first..]);

        Assert.Equal(phone, Assert.Single(directory.People, p => p.Phone is not null).Phone);
        Assert.All(OrgDirectoryLoader.Parse(yaml).People, p => Assert.Null(p.Phone));
    }

    [Theory]
    [InlineData("電話してください")]
    [InlineData("<at>2102</at>")]
    [InlineData("内線 2102 または携帯 090-0000-0000")]
    public void Phone_ThatIsNotANumber_IsRefusedWithAClearMessage(string phone)
    {
        var yaml = OrgTestData.Minimal();
        var first = yaml.IndexOf("title: 主事", StringComparison.Ordinal);

        var error = Assert.Throws<DirectoryLoadException>(() => OrgDirectoryLoader.Parse(yaml[..first] + $"phone: \"{phone}\"\n    " + yaml[first..], "org.yaml"));

        Assert.Contains(error.Errors, e => e.Contains($"phone '{phone}' is not a phone number or extension", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_GivesTheManagersAndTheDeskAnExtension()
    {
        var directory = OrgTestData.Sample();

        Assert.Equal("内線 2102", directory.Holders(OrgRole.SecurityManager, "警防課").Single().Phone);
        Assert.All(directory.Holders(OrgRole.SecurityDesk), p => Assert.StartsWith("内線 ", p.Phone, StringComparison.Ordinal));
        Assert.Null(directory.FindByAadObjectId(OrgTestData.Aad(1))!.Phone);
    }

    [Fact]
    public void Roles_AcceptJapaneseNames()
    {
        var directory = OrgDirectoryLoader.Parse(OrgTestData.Minimal().Replace("role: SecurityManager", "role: 情報セキュリティ管理者"));

        Assert.Equal("A2", Assert.Single(directory.Holders(OrgRole.SecurityManager, "警防課")).Id);
    }

    [Theory]
    [InlineData("role: SecurityManager", "role: Kacho", "unknown role 'Kacho'")]
    [InlineData("id: A2", "id: A1", "duplicate id 'A1'")]
    [InlineData("000000000002", "000000000001", "duplicate aadObjectId")]
    [InlineData("department: 警防課\n    title: 主事", "department: 消防課\n    title: 主事", "unknown department '消防課'")]
    [InlineData("aadObjectId: 00000000-0000-4000-8000-000000000002", "aadObjectId: not-a-guid", "is not a GUID")]
    public void Parse_RejectsABadFileWithAClearMessage(string find, string replace, string expected)
    {
        var yaml = OrgTestData.Minimal().Replace(find, replace);
        Assert.NotEqual(OrgTestData.Minimal(), yaml);

        var error = Assert.Throws<DirectoryLoadException>(() => OrgDirectoryLoader.Parse(yaml, "org.yaml"));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("org.yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-10", "2026-05-01", "is after until")]
    [InlineData("2026-13-01", "2026-05-01", "is not a date")]
    public void Parse_RejectsABadDeputyDateRange(string from, string until, string expected)
    {
        var yaml = OrgTestData.Minimal(deputies: $"  - {{ deputy: A1, for: A2, role: SecurityManager, from: {from}, until: {until} }}");

        var error = Assert.Throws<DirectoryLoadException>(() => OrgDirectoryLoader.Parse(yaml));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RejectsADeputyForARoleThePrincipalDoesNotHold()
    {
        var yaml = OrgTestData.Minimal(deputies: "  - { deputy: A1, for: A2, role: SecurityOfficer, from: 2026-05-01, until: 2026-05-02 }");

        var error = Assert.Throws<DirectoryLoadException>(() => OrgDirectoryLoader.Parse(yaml));

        Assert.Contains(error.Errors, e => e.Contains("does not hold role SecurityOfficer", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsTheLineOfAMisspelledKey()
    {
        var yaml = OrgTestData.Minimal().Replace("title: 課長補佐", "titel: 課長補佐");

        var error = Assert.Throws<DirectoryLoadException>(() => OrgDirectoryLoader.Parse(yaml));

        Assert.StartsWith("line 13", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Deputy_IsActiveOnlyWithinItsInclusiveRange()
    {
        var directory = OrgTestData.Sample();

        Assert.Empty(directory.ActiveDeputies(OrgTestData.Manager, OrgRole.SecurityManager, new DateOnly(2026, 8, 9)));
        Assert.Equal(OrgTestData.ManagersDeputy, Assert.Single(directory.ActiveDeputies(OrgTestData.Manager, OrgRole.SecurityManager, new DateOnly(2026, 8, 10))).Id);
        Assert.Single(directory.ActiveDeputies(OrgTestData.Manager, OrgRole.SecurityManager, new DateOnly(2026, 8, 16)));
        Assert.Empty(directory.ActiveDeputies(OrgTestData.Manager, OrgRole.SecurityManager, new DateOnly(2026, 8, 17)));
        Assert.Empty(directory.ActiveDeputies(OrgTestData.Manager, OrgRole.SecurityOfficer, new DateOnly(2026, 8, 12)));
    }
}
