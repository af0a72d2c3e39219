using Isms.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddIsmsBot();

var app = builder.Build();
app.MapIsmsBot();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
