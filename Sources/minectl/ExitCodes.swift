import ArgumentParser
import TranscriptMiner

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
    /// The run history was busy with another run past the timeout (sysexits' EX_TEMPFAIL: retry later).
    static let busy = ExitCode(75)

    /// The exit code for a run-history failure: 75 when busy, 66 when a history to read is missing
    /// or unusable, otherwise 73 (nothing could be recorded).
    static func history(_ error: any Error, reading: Bool = false) -> ExitCode {
        guard let error = error as? RunHistoryError else { return cannotWrite }
        switch error.code {
        case .busy: return busy
        case .cannotOpen, .notAHistory, .newerSchema, .corrupt, .noRuns: return reading ? unreadableInput : cannotWrite
        case .readOnly, .diskFull, .failed: return cannotWrite
        }
    }
}
