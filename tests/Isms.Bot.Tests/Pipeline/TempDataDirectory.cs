namespace Isms.Bot.Tests.Pipeline;

/// <summary>A data directory of its own for one test class; removed afterwards.</summary>
public abstract class TempDataDirectory : IDisposable
{
    protected string DataDirectory { get; } = BotHost.NewDataDirectory();

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold the file for a moment on a slow machine; the temp folder is cleaned up anyway.
        }

        GC.SuppressFinalize(this);
    }
}
