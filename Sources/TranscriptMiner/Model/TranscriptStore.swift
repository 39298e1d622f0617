import Foundation

/// Many transcripts held compactly for analysis: ids and turn texts back to back in one UTF-8
/// buffer, and per turn only its end offset, role and visibility.
///
/// ```swift
/// var store = TranscriptStore()
/// store.append(transcript, keepingTextOf: [.customer])   // agent texts are not kept
/// let first = store[0]                                   // rebuilt: id, channel, date, turns
/// ```
///
/// An `Array` of ``Transcript`` values costs about a kilobyte per support conversation of eight
/// turns — a `Turn` is 64 bytes before its text, every text over 15 bytes is a heap object of
/// its own, and authors, timestamps and metadata ride along — so a million conversations take
/// more than a gigabyte before any analysis starts. A store keeps what the theme analysis reads
/// (see ``Transcript/keepingText(of:)``): the id, the channel, the start date, and every turn's
/// role, visibility and, for the kept roles, text. That is the text's own bytes plus 9 bytes per
/// turn and 25 per transcript.
///
/// Invariant: reading position `i` gives exactly `transcript.keepingText(of: roles)` for the
/// transcript appended `i`-th. Reading builds a new ``Transcript`` (its strings and turn array)
/// each time.
/// - Complexity: `append` O(length of the kept text); reading O(length of the transcript).
public struct TranscriptStore: TranscriptCollection {
    /// Ids and kept turn texts, UTF-8: for each transcript its id, then its turns' texts.
    private var bytes: [UInt8] = []
    /// For each transcript, the end of its id in ``bytes``.
    private var idEnds: [Int] = []
    /// For each transcript, the index of its first turn; one more entry at the end (`turnEnds.count`).
    private var firstTurns: [Int] = [0]
    /// For each turn, the end of its text in ``bytes`` (it starts where the previous turn or the id ends).
    private var turnEnds: [Int] = []
    /// For each turn, its role's index in `Role.allCases` (low bits) and 0x80 when it is public.
    private var turnFlags: [UInt8] = []
    private var channels: [Channel] = []
    /// `timeIntervalSinceReferenceDate` of each transcript's `createdAt`; NaN when it has none.
    private var createdAt: [Double] = []

    private static let roles = Role.allCases
    private static let publicFlag: UInt8 = 0x80

    /// Creates an empty store.
    public init() {}

    /// A store of `transcripts`, keeping the text of `roles` (and of unknown roles).
    public init(_ transcripts: some Sequence<Transcript>, keepingTextOf roles: Set<Role>) {
        for transcript in transcripts { append(transcript, keepingTextOf: roles) }
    }

    /// Appends `transcript`, keeping the texts of turns whose role is in `roles` or unknown (as
    /// ``Transcript/keepingText(of:)`` does); other turns keep their place, role and visibility
    /// with an empty text.
    public mutating func append(_ transcript: Transcript, keepingTextOf roles: Set<Role>) {
        bytes.append(contentsOf: transcript.id.utf8)
        idEnds.append(bytes.count)
        for turn in transcript.turns {
            if roles.contains(turn.role) || turn.role == .unknown { bytes.append(contentsOf: turn.text.utf8) }
            turnEnds.append(bytes.count)
            let role = UInt8(Self.roles.firstIndex(of: turn.role)!)
            turnFlags.append(turn.isPublic ? role | Self.publicFlag : role)
        }
        firstTurns.append(turnEnds.count)
        channels.append(transcript.channel)
        createdAt.append(transcript.createdAt?.timeIntervalSinceReferenceDate ?? .nan)
    }

    /// Reserves room for `transcripts` more transcripts of about `bytesEach` kept bytes and
    /// `turnsEach` turns each.
    public mutating func reserveCapacity(_ transcripts: Int, bytesEach: Int = 256, turnsEach: Int = 8) {
        bytes.reserveCapacity(bytes.count + transcripts * bytesEach)
        idEnds.reserveCapacity(idEnds.count + transcripts)
        firstTurns.reserveCapacity(firstTurns.count + transcripts)
        turnEnds.reserveCapacity(turnEnds.count + transcripts * turnsEach)
        turnFlags.reserveCapacity(turnFlags.count + transcripts * turnsEach)
        channels.reserveCapacity(channels.count + transcripts)
        createdAt.reserveCapacity(createdAt.count + transcripts)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { idEnds.count }

    /// The bytes the store holds (text and bookkeeping), for memory accounting.
    public var storedBytes: Int {
        bytes.count + 8 * (idEnds.count + firstTurns.count + turnEnds.count + createdAt.count) + turnFlags.count + channels.count
    }

    public subscript(position: Int) -> Transcript {
        var start = idEnds[position]
        var turns: [Turn] = []
        turns.reserveCapacity(firstTurns[position + 1] - firstTurns[position])
        for turn in firstTurns[position]..<firstTurns[position + 1] {
            let flags = turnFlags[turn]
            turns.append(Turn(role: Self.roles[Int(flags & ~Self.publicFlag)], text: string(start..<turnEnds[turn]),
                              isPublic: flags & Self.publicFlag != 0))
            start = turnEnds[turn]
        }
        let date = createdAt[position]
        return Transcript(id: string(idStart(position)..<idEnds[position]), channel: channels[position],
                          createdAt: date.isNaN ? nil : Date(timeIntervalSinceReferenceDate: date), turns: turns)
    }

    public func transcriptID(at position: Int) -> String {
        string(idStart(position)..<idEnds[position])
    }

    public func text(at position: Int, of roles: Set<Role>, includingPrivate: Bool) -> String {
        var joined: [UInt8] = []
        var parts = 0
        var start = idEnds[position]
        for turn in firstTurns[position]..<firstTurns[position + 1] {
            let flags = turnFlags[turn]
            if roles.contains(Self.roles[Int(flags & ~Self.publicFlag)]) && (includingPrivate || flags & Self.publicFlag != 0) {
                if parts > 0 { joined.append(0x0A) }
                joined.append(contentsOf: bytes[start..<turnEnds[turn]])
                parts += 1
            }
            start = turnEnds[turn]
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Where the id of transcript `position` starts: where the previous transcript's last turn,
    /// or its id when it has no turns, ends.
    private func idStart(_ position: Int) -> Int {
        guard position > 0 else { return 0 }
        return firstTurns[position] > firstTurns[position - 1] ? turnEnds[firstTurns[position] - 1] : idEnds[position - 1]
    }

    private func string(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
