import Foundation
import TranscriptMiner

/// Progress of a long run on standard error, only when standard error is a terminal: one line
/// rewritten in place while reading (transcripts, rate, and when the input size is known the
/// share read and the time left), then one line per finished stage.
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

    /// Called for every transcript read, with the share of the input read when known; redraws at
    /// most 5 times a second. The ETA of reading assumes the rest reads at the rate so far.
    func reading(_ count: Int, fraction: Double? = nil) {
        let now = clock.now
        guard now - lastDraw >= .milliseconds(200) else { return }
        lastDraw = now
        let seconds = StageTiming.seconds(of: started.duration(to: now))
        let rate = seconds > 0 ? Int(Double(count) / seconds) : 0
        var text = "reading: \(ReportNumbers.count(count)) transcripts (\(ReportNumbers.count(rate))/s)"
        if let fraction, fraction > 0.01 {
            let left = seconds * (1 - fraction) / fraction
            text += " · \(ReportNumbers.percent(fraction)) of the input · ETA \(Self.duration(left))"
        }
        draw(text)
    }

    /// "42 s", "3 min 5 s".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
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
