namespace Isms.Bot.Tests;

public class PlaceholderFacts
{
}
