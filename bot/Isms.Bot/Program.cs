using Isms.Bot.Hosting;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Options;

// Data files hold personal data: everything this process creates is for its own user only (0600).
DataFiles.RestrictNewFiles();
if (DataCommands.IsCommand(args))
{
    return DataCommands.Run(args);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddIsmsBot();

    var app = builder.Build();
    app.MapIsmsBot();
    app.Run();
}
catch (Exception exception) when (exception is StorageStartupException or UnsafeStartupException or OptionsValidationException
    && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // Say what to fix in plain words (the host may have logged the details already). Hosted in-process (a test's
    // WebApplicationFactory runs this entry point) the exception goes on to the caller, which waits for it.
    Console.Error.WriteLine(exception.Message);
    return 2;
}

return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
