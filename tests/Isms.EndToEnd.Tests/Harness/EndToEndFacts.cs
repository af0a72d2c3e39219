namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// A class of end-to-end tests on the shared <see cref="PlaygroundSession"/>. Before each test the main page is loaded
/// afresh when it has grown long (see <see cref="PlaygroundSession.ShortenMainPageAsync"/>).
/// </summary>
public abstract class EndToEndFacts(PlaygroundSession session) : IAsyncLifetime
{
    protected PlaygroundSession Session => session;

    public Task InitializeAsync() => session.ShortenMainPageAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
