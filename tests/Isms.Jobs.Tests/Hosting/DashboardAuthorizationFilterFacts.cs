using System.Net;
using System.Security.Claims;
using System.Text;
using Isms.Jobs.Hosting;
using Microsoft.AspNetCore.Http;

namespace Isms.Jobs.Tests.Hosting;

public class DashboardAuthorizationFilterFacts
{
    private static DefaultHttpContext Request(string remote = "10.0.0.5", ClaimsPrincipal? user = null, string? authorization = null, bool https = true)
    {
        var http = new DefaultHttpContext();
        http.Request.IsHttps = https;
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse("10.0.0.1");
        if (user is not null)
        {
            http.User = user;
        }

        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        return http;
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static ClaimsPrincipal UserInRole(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, role)], "test"));

    [Fact]
    public void Denies_ByDefault_EvenFromLocalhost_OutsideDevelopment() =>
        Assert.False(new DashboardAuthorizationFilter(new JobsDashboardOptions(), isDevelopment: false).IsAllowed(Request("127.0.0.1")));

    [Fact]
    public void Allows_Localhost_InDevelopment_ButNotRemoteRequests()
    {
        var filter = new DashboardAuthorizationFilter(new JobsDashboardOptions(), isDevelopment: true);

        Assert.True(filter.IsAllowed(Request("127.0.0.1")));
        Assert.True(filter.IsAllowed(Request("::1")));
        Assert.False(filter.IsAllowed(Request("10.0.0.5")));
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("Forwarded")]
    [InlineData("X-Real-IP")]
    public void Refuses_ALoopbackRequestThatAProxyForwarded_InDevelopment(string header)
    {
        var http = Request("127.0.0.1");
        http.Request.Headers[header] = "203.0.113.7";

        Assert.False(new DashboardAuthorizationFilter(new JobsDashboardOptions(), isDevelopment: true).IsAllowed(http));
    }

    [Fact]
    public void Allows_AuthenticatedUserInAConfiguredRole_Only()
    {
        var filter = new DashboardAuthorizationFilter(new JobsDashboardOptions { Roles = ["IsmsAdmin"] }, isDevelopment: false);

        Assert.True(filter.IsAllowed(Request(user: UserInRole("IsmsAdmin"))));
        Assert.False(filter.IsAllowed(Request(user: UserInRole("Staff"))));
        Assert.False(filter.IsAllowed(Request(user: new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "IsmsAdmin")])))));
    }

    [Fact]
    public void Allows_TheConfiguredBasicCredentials_Only()
    {
        var options = new JobsDashboardOptions { BasicAuthUser = "ops", BasicAuthPassword = "correct-horse-battery" };
        var filter = new DashboardAuthorizationFilter(options, isDevelopment: false);

        Assert.True(filter.IsAllowed(Request(authorization: Basic("ops", "correct-horse-battery"))));
        Assert.False(filter.IsAllowed(Request(authorization: Basic("ops", "correct-horse-batter"))));
        Assert.False(filter.IsAllowed(Request(authorization: Basic("other", "correct-horse-battery"))));
        Assert.False(filter.IsAllowed(Request(authorization: "Basic not-base64!")));
        Assert.False(filter.IsAllowed(Request(authorization: "Bearer abc")));
    }

    [Fact]
    public void RefusesTheRightBasicCredentials_OverPlainHttp()
    {
        var options = new JobsDashboardOptions { BasicAuthUser = "ops", BasicAuthPassword = "correct-horse-battery" };
        var filter = new DashboardAuthorizationFilter(options, isDevelopment: false);

        Assert.False(filter.IsAllowed(Request(authorization: Basic("ops", "correct-horse-battery"), https: false)));
        Assert.True(new DashboardAuthorizationFilter(new JobsDashboardOptions(), isDevelopment: true).IsAllowed(Request(remote: "127.0.0.1", https: false)));
    }

    [Fact]
    public void Options_RejectAShortPasswordOrAUserWithoutPassword()
    {
        Assert.NotEmpty(new JobsDashboardOptions { BasicAuthUser = "ops", BasicAuthPassword = "short" }.Problems());
        Assert.NotEmpty(new JobsDashboardOptions { BasicAuthUser = "ops" }.Problems());
        Assert.Empty(new JobsDashboardOptions().Problems());
    }
}
