import Foundation

/// Counts of a corpus: transcripts, turns by role, channels, date range, with the ingestion
/// summary beside them. What `minectl stats` prints.
///
/// ```swift
/// var stats = CorpusStatistics()
/// let summary = try Ingestor().read(paths) { transcript, _ in stats.add(transcript) }
/// print(StatisticsReport(statistics: stats, summary: summary).render(.table))
/// ```
/// - Complexity: ``add(_:)`` is O(t) in the transcript's turns; memory is O(1).
public struct CorpusStatistics: Sendable, Hashable {
    /// Transcripts added.
    public private(set) var transcripts = 0
    /// Turns by role.
    public private(set) var turnsByRole: [Role: Int] = [:]
    /// Transcripts by channel.
    public private(set) var transcriptsByChannel: [Channel: Int] = [:]
    /// The earliest and latest dates (of transcripts or their turns), when any is known.
    public private(set) var earliest: Date?
    public private(set) var latest: Date?
    /// UTF-8 bytes of text in all turns.
    public private(set) var textBytes = 0

    /// Creates empty statistics.
    public init() {}

    /// Adds one transcript.
    public mutating func add(_ transcript: Transcript) {
        transcripts += 1
        transcriptsByChannel[transcript.channel, default: 0] += 1
        note(transcript.createdAt)
        for turn in transcript.turns {
            turnsByRole[turn.role, default: 0] += 1
            textBytes += turn.text.utf8.count
            note(turn.timestamp)
        }
    }

    /// All turns.
    public var turns: Int { turnsByRole.values.reduce(0, +) }

    private mutating func note(_ date: Date?) {
        guard let date else { return }
        earliest = min(earliest ?? date, date)
        latest = max(latest ?? date, date)
    }
}
