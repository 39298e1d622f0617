/// Transcripts an analysis can read by position: an `Array` of ``Transcript``s, or a
/// ``TranscriptStore`` that holds many of them compactly and rebuilds each one when it is read.
///
/// Positions are `0..<count`. Reading a position may build a new value each time (a store does),
/// so code that needs a transcript more than once should keep the value it read.
public protocol TranscriptCollection: RandomAccessCollection, Sendable where Element == Transcript, Index == Int {
    /// The id of the transcript at `position`, without rebuilding the whole transcript.
    /// - Complexity: O(length of the id).
    func transcriptID(at position: Int) -> String

    /// The text of the transcript at `position` of the turns whose role is in `roles` (public
    /// turns only unless `includingPrivate`), joined with newlines: the same as
    /// `self[position].text(of: roles, includingPrivate: includingPrivate)`.
    /// - Complexity: O(length of the transcript).
    func text(at position: Int, of roles: Set<Role>, includingPrivate: Bool) -> String
}

extension TranscriptCollection {
    public func transcriptID(at position: Int) -> String { self[position].id }

    public func text(at position: Int, of roles: Set<Role>, includingPrivate: Bool) -> String {
        self[position].text(of: roles, includingPrivate: includingPrivate)
    }
}

extension Array: TranscriptCollection where Element == Transcript {}
