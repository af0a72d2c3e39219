namespace Isms.Jobs.Tests;

public class PlaceholderFacts
{
}
