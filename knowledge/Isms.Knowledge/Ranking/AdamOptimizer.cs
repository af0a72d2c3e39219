namespace Isms.Knowledge.Ranking;

/// <summary>Full-batch Adam (β1 0.9, β2 0.999), the update the ranker, the scope classifier and the procedure
/// classifier share. The caller computes each step's gradient, regularisation included.</summary>
internal sealed class AdamOptimizer(int size, double learningRate)
{
    private readonly double[] _m = new double[size];
    private readonly double[] _v = new double[size];
    private int _step;

    public void Step(double[] weights, double[] gradient)
    {
        _step++;
        for (var k = 0; k < weights.Length; k++)
        {
            var g = gradient[k];
            _m[k] = 0.9 * _m[k] + 0.1 * g;
            _v[k] = 0.999 * _v[k] + 0.001 * g * g;
            weights[k] -= learningRate * (_m[k] / (1 - Math.Pow(0.9, _step))) / (Math.Sqrt(_v[k] / (1 - Math.Pow(0.999, _step))) + 1e-8);
        }
    }
}
