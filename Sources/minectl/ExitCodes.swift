import ArgumentParser

/// minectl's exit codes, in one place (documented in `--help` and the README).
enum ExitCodes {
    /// Success.
    static let ok = ExitCode(0)
    /// Bad usage: unknown flag, bad value (swift-argument-parser's own code).
    static let usage = ExitCode(64)
    /// An input could not be read (missing file, read error).
    static let unreadableInput = ExitCode(66)
    /// A record was rejected under `--strict`.
    static let rejectedRecord = ExitCode(65)
    /// The output file could not be written (sysexits' EX_CANTCREAT).
    static let cannotWrite = ExitCode(73)
}
