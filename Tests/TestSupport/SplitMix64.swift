import ThemeCluster

/// The project's seeded generator (Steele, Lea & Flood's SplitMix64), under the name the tests
/// use for reproducible sweeps.
public typealias SplitMix64 = SeededGenerator
