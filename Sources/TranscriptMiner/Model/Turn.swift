import Foundation

/// One message of a conversation.
///
/// ```swift
/// let turn = Turn(role: .customer, text: "My card hasn't arrived")
/// ```
public struct Turn: Sendable, Hashable, Codable {
    /// Who speaks.
    public var role: Role
    /// The author's name or id as the source gives it, when it does.
    public var author: String?
    /// When the message was sent, when the source says.
    public var timestamp: Date?
    /// The message text.
    public var text: String
    /// Whether the customer could see the message. Help-desk internal notes are `false` and are
    /// kept out of themes by default.
    public var isPublic: Bool

    /// Creates a turn.
    public init(role: Role, author: String? = nil, timestamp: Date? = nil, text: String, isPublic: Bool = true) {
        self.role = role
        self.author = author
        self.timestamp = timestamp
        self.text = text
        self.isPublic = isPublic
    }
}
