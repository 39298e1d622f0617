/// A small, fast, seeded random generator (Steele, Lea & Flood's SplitMix64): the same seed gives
/// the same sequence on every machine, which is what deterministic clustering needs.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// random.nextUnit()        // a Double in [0, 1), the same on every run
/// random.derived(3)        // an independent generator for restart 3
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence depends only on `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// An independent generator for sub-task `index` (a restart, a resample), derived from this
    /// generator's seed without advancing it.
    public func derived(_ index: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: state ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }
}
