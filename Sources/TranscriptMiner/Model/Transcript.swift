import Foundation

/// One support conversation: its turns in order, where it came from, and what the source says
/// about it.
///
/// ```swift
/// let transcript = Transcript(id: "t1", channel: .chat, turns: [
///     Turn(role: .agent, text: "Hi, how can I help?"),
///     Turn(role: .customer, text: "I was charged twice"),
/// ])
/// transcript.text(of: [.customer])   // "I was charged twice"
/// ```
///
/// Invariant: `id` is non-empty and unique within one input (readers reject duplicates).
public struct Transcript: Sendable, Hashable, Codable {
    /// The transcript's id, unique within its input.
    public var id: String
    /// The channel.
    public var channel: Channel
    /// When the conversation started, when the source says.
    public var createdAt: Date?
    /// The messages, in order.
    public var turns: [Turn]
    /// Other fields of the source (string key → string value): tags, queue, product, language…
    public var metadata: [String: String]
    /// Numeric satisfaction scores the source carries, by name (`"csat"`, `"nps"`).
    public var scores: [String: Double]

    /// Creates a transcript.
    public init(id: String, channel: Channel = .other, createdAt: Date? = nil, turns: [Turn],
                metadata: [String: String] = [:], scores: [String: Double] = [:]) {
        self.id = id
        self.channel = channel
        self.createdAt = createdAt
        self.turns = turns
        self.metadata = metadata
        self.scores = scores
    }

    /// Whether any turn has text other than white space.
    /// - Complexity: O(n) in the length of the turns, usually O(1): it stops at the first letter.
    public var hasText: Bool {
        turns.contains { turn in
            for scalar in turn.text.unicodeScalars {
                if scalar.value < 0x80 {
                    if scalar.value > 0x20 && scalar.value != 0x7F { return true }
                } else if !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format {
                    return true
                }
            }
            return false
        }
    }

    /// The public turns of the given roles, joined with newlines: the document that themes and
    /// sentiment are computed from.
    /// - Complexity: O(n) in the total length of the turns.
    public func text(of roles: Set<Role>, includingPrivate: Bool = false) -> String {
        turns.lazy.filter { roles.contains($0.role) && (includingPrivate || $0.isPublic) }.map(\.text).joined(separator: "\n")
    }
}
