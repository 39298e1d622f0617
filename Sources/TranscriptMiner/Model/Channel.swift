/// The channel a conversation came through.
public enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
    case chat
    case email
    /// Social media (public replies, direct messages).
    case social
    /// A transcript of a phone or voice call.
    case voiceTranscript = "voice-transcript"
    case other

    /// Parses a channel name leniently: case-insensitive, with common synonyms (`"mail"`,
    /// `"twitter"`, `"phone"`, `"voice"`, `"messaging"`, …); unknown names give `.other`.
    public init(parsing name: String) {
        if let exact = Channel(rawValue: name) {
            self = exact
            return
        }
        let key = name.lowercased().filter { $0.isLetter }
        switch key {
        case "chat", "livechat", "webchat", "messaging", "messenger", "whatsapp", "sms", "web", "widget": self = .chat
        case "email", "mail", "emails": self = .email
        case "social", "twitter", "facebook", "instagram", "tweet", "x": self = .social
        case "voicetranscript", "voice", "phone", "call", "calltranscript": self = .voiceTranscript
        default: self = .other
        }
    }
}
