import Foundation

/// Which transcripts a run analyses: a time window on ``Transcript/createdAt`` and a set of
/// channels. Transcripts left out are counted (``ThemeReport/filteredOut``), never dropped
/// silently.
///
/// ```swift
/// let filter = TranscriptFilter(since: Timestamp.parse("2026-11-01"), channels: [.chat])
/// let kept = transcripts.filter(filter.includes)
/// ```
///
/// A transcript without a date is left out when the window has a bound (it cannot be shown to
/// fall inside it) and kept otherwise.
public struct TranscriptFilter: Sendable, Hashable {
    /// Keep transcripts created at or after this instant; `nil` for no lower bound.
    public var since: Date?
    /// Keep transcripts created before this instant; `nil` for no upper bound.
    public var until: Date?
    /// Keep only these channels; empty for every channel.
    public var channels: Set<Channel>

    /// Creates a filter; with no arguments it keeps everything.
    public init(since: Date? = nil, until: Date? = nil, channels: Set<Channel> = []) {
        self.since = since
        self.until = until
        self.channels = channels
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { since == nil && until == nil && channels.isEmpty }

    /// Whether `transcript` is analysed.
    public func includes(_ transcript: Transcript) -> Bool {
        if !channels.isEmpty && !channels.contains(transcript.channel) { return false }
        if since != nil || until != nil {
            guard let created = transcript.createdAt else { return false }
            if let since, created < since { return false }
            if let until, created >= until { return false }
        }
        return true
    }
}
