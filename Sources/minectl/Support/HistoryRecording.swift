import Foundation
import TranscriptMiner

/// Records a themes report in a run history and attaches where it stands (stable ids, trends):
/// what `minectl themes --db` and `minectl partial merge-report --db` share.
enum HistoryRecording {
    /// Records `report` in `history` as `label` and sets its ``ThemeReport/history``.
    /// - Throws: the history's exit code after saying why, naming `command`.
    static func record(_ report: inout ThemeReport, in history: RunHistory, label: String?, trendRuns: Int, command: String,
                       progress: ProgressLine? = nil) throws {
        do {
            let recording = ContinuousClock.now
            let recorded = try history.record(report, label: label)
            report.timings.append(StageTiming("history", duration: recording.duration(to: .now)))
            report.history = ThemeReportHistory(recorded: recorded, trends: try history.trends(TrendOptions(lastRuns: trendRuns, endingAt: recorded.label)))
        } catch {
            progress?.clear()
            Diagnostics.error("minectl \(command): \(error)")
            throw ExitCodes.history(error)
        }
    }

    /// Opens the history at `path` (created when missing), or exits saying why.
    static func open(_ path: String, command: String) throws -> RunHistory {
        do {
            return try RunHistory(path: path)
        } catch {
            Diagnostics.error("minectl \(command): \(error)")
            throw ExitCodes.history(error)
        }
    }
}
