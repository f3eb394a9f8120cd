Console.WriteLine("Safeguard benchmarks");
