namespace Isms.Knowledge.Tests;

public class PlaceholderFacts
{
}
