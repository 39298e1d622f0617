import Foundation

/// Groups message rows into conversations while streaming: a conversation is complete when it
/// has not been seen for `window` rows, or at the end of the file.
///
/// ```swift
/// var grouper = CSVConversationGrouper(window: 2)
/// grouper.add(Turn(role: .customer, text: "hi"), to: "c1", line: 2, row: 1)   // .added
/// grouper.add(Turn(role: .agent, text: "hello"), to: "c2", line: 3, row: 2)
/// grouper.add(Turn(role: .agent, text: "bye"), to: "c2", line: 4, row: 3)
/// grouper.expired(atRow: 3).map(\.id)   // ["c1"]: not seen for 2 rows
/// grouper.drain().map(\.id)             // ["c2"]
/// ```
///
/// An ordered dictionary in effect: a dictionary of open conversations plus a queue of
/// (conversation, row) touches in row order; a stale touch (the conversation was seen again
/// later) is skipped when it reaches the head. The ids of emitted conversations are kept, so a
/// row arriving for one of them is recognised as late (a `duplicate-id` rejection), not
/// silently made into a second transcript with the same id.
///
/// Invariant: the queue holds only touches of the last `window` rows, so memory is bounded by
/// the rows of the conversations seen in the last `window` rows (plus the emitted ids).
/// - Complexity: O(1) amortized per row; ``drain()`` is O(g log g) in open conversations.
struct CSVConversationGrouper {
    /// A conversation being gathered.
    final class Conversation {
        /// The conversation id (the transcript id).
        let id: String
        /// The line and data row of its first row.
        let line: Int, row: Int
        /// The data row where it was last seen.
        var lastSeen: Int
        var turns: [Turn] = []
        var metadata: [String: String] = [:]
        var scores: [String: Double] = [:]
        var channel: Channel?

        init(id: String, line: Int, row: Int) {
            self.id = id
            self.line = line
            self.row = row
            self.lastSeen = row
        }
    }

    /// What ``add(_:to:line:row:)`` did.
    enum Outcome {
        /// The turn joined its conversation, returned.
        case added(Conversation)
        /// The conversation was already emitted: the row is late.
        case late
    }

    let window: Int
    private var open: [String: Conversation] = [:]
    private var touches: [(id: String, row: Int)] = []
    private var head = 0
    private var emitted: Set<String> = []

    /// A grouper completing conversations unseen for `window` rows (at least 1).
    init(window: Int) { self.window = max(1, window) }

    /// Adds `turn` to conversation `id`, opening it when new.
    mutating func add(_ turn: Turn, to id: String, line: Int, row: Int) -> Outcome {
        if emitted.contains(id) { return .late }
        let conversation: Conversation
        if let existing = open[id] {
            conversation = existing
        } else {
            conversation = Conversation(id: id, line: line, row: row)
            open[id] = conversation
        }
        conversation.lastSeen = row
        conversation.turns.append(turn)
        touches.append((id, row))
        return .added(conversation)
    }

    /// The conversations complete at data row `row` (unseen for `window` rows), in the order
    /// they were last seen; they are forgotten, but for their ids.
    mutating func expired(atRow row: Int) -> [Conversation] {
        var done: [Conversation] = []
        while head < touches.count, row - touches[head].row >= window {
            let touch = touches[head]
            head += 1
            if let conversation = open[touch.id], conversation.lastSeen == touch.row {
                open[touch.id] = nil
                emitted.insert(touch.id)
                done.append(conversation)
            }
        }
        if head > 4096 && head * 2 > touches.count {
            touches.removeFirst(head)
            head = 0
        }
        return done
    }

    /// Every open conversation, in the order of their first rows; the grouper is then empty.
    mutating func drain() -> [Conversation] {
        let all = open.values.sorted { $0.row < $1.row }
        for conversation in all { emitted.insert(conversation.id) }
        open = [:]
        touches = []
        head = 0
        return all
    }

    /// The transcript of a complete conversation: turns ordered by timestamp when every turn has
    /// one (a stable sort: equal timestamps keep file order), file order otherwise; `createdAt`
    /// is the earliest timestamp.
    static func transcript(_ conversation: Conversation, defaultChannel: Channel) -> Transcript {
        let turns = orderedByTimestamp(conversation.turns)
        return Transcript(id: conversation.id, channel: conversation.channel ?? defaultChannel,
                          createdAt: turns.lazy.compactMap(\.timestamp).min(), turns: turns,
                          metadata: conversation.metadata, scores: conversation.scores)
    }

    /// `turns` sorted stably by timestamp when all have one; unchanged otherwise.
    /// - Complexity: O(m log m) in the number of turns.
    static func orderedByTimestamp(_ turns: [Turn]) -> [Turn] {
        guard turns.count > 1, turns.allSatisfy({ $0.timestamp != nil }) else { return turns }
        return turns.enumerated()
            .sorted { ($0.element.timestamp!, $0.offset) < ($1.element.timestamp!, $1.offset) }
            .map(\.element)
    }
}
