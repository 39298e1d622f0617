import Foundation
import TranscriptMiner

/// Progress of a long run on standard error, only when standard error is a terminal: one line
/// rewritten in place while reading (transcripts, rate), then one line per finished stage.
final class ProgressLine: @unchecked Sendable {
    private let command: String
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var drawn = false
    private let lock = NSLock()

    /// A progress line for `command`, or nil when standard error is not a terminal.
    init?(command: String) {
        guard Terminal.isTerminal(2) else { return nil }
        self.command = command
        started = clock.now
        lastDraw = started
    }

    /// Called for every transcript read; redraws at most 5 times a second.
    func reading(_ count: Int) {
        let now = clock.now
        guard now - lastDraw >= .milliseconds(200) else { return }
        lastDraw = now
        let seconds = StageTiming.seconds(of: started.duration(to: now))
        let rate = seconds > 0 ? Int(Double(count) / seconds) : 0
        draw("reading: \(ReportNumbers.count(count)) transcripts (\(ReportNumbers.count(rate))/s)")
    }

    /// Called as a stage ends.
    func stage(_ timing: StageTiming) {
        lock.withLock {
            clearLocked()
            Diagnostics.error("minectl \(command): \(timing.stage) done in \(ReportNumbers.fixed(timing.seconds, decimals: 2)) s")
        }
    }

    /// Erases the in-place line.
    func clear() { lock.withLock { clearLocked() } }

    private func draw(_ text: String) {
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + "minectl \(command): " + text).utf8))
            drawn = true
        }
    }

    private func clearLocked() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
