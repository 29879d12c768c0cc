import Foundation

/// Deterministic generator so every run diffs the same documents.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func milliseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}

func measure(runs: Int, _ body: () -> Int) -> (ms: Double, fastest: Double, check: Int) {
    let clock = ContinuousClock()
    var samples: [Double] = []
    var check = 0
    for _ in 0..<runs {
        let start = clock.now
        check &+= body()
        samples.append(milliseconds(clock.now - start))
    }
    return (median(samples), samples.min() ?? 0, check)
}

func format(_ ms: Double) -> String {
    let hundredths = Int(ms * 100 + 0.5)
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms"
}


/// Prints at once, even when the output goes to a file: the search benchmark runs for minutes.
func say(_ text: String, newline: Bool = true) {
    FileHandle.standardOutput.write(Data((text + (newline ? "\n" : "")).utf8))
}
