using Safeguard.Matching.Model;

namespace Safeguard.Bench;

/// <summary>Prints a trained model's m, u and weights, to see what training learned.</summary>
internal static class ModelReport
{
    public static void Print(string name, MatchModel model)
    {
        Console.WriteLine($"-- {name}: prior share {model.PriorMatchShare:0.00000} ({model.PriorWeight:+0.0;-0.0} bits)");
        var fields = model.Comparisons.Fields;
        for (int f = 0; f < fields.Count; f++)
        {
            Console.Write($"   {fields[f].Field,-12}");
            for (int l = 1; l < fields[f].Levels.Count; l++)
                Console.Write($" {fields[f].Levels[l]}: m={model.M[f][l]:0.000} u={model.U[f][l]:0.00000} w={model.Weight(f, l):+0.0;-0.0} |");
            Console.WriteLine();
        }
    }
}
