namespace Isms.Workflows.Tests;

public class PlaceholderFacts
{
}
