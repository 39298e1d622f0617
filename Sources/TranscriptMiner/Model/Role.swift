/// Who speaks in a turn.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    /// The person asking for help: the voice themes are built from by default.
    case customer
    /// A human support agent.
    case agent
    /// An automated assistant or chatbot.
    case bot
    /// System messages ("Chat transferred", "Ticket closed").
    case system
    case unknown

    /// Parses a role name leniently: case-insensitive, with common synonyms (`"user"`,
    /// `"client"`, `"requester"`, `"end-user"` → customer; `"support"`, `"staff"`,
    /// `"operator"`, `"representative"` → agent; `"assistant"`, `"chatbot"` → bot);
    /// unknown names give `.unknown`.
    public init(parsing name: String) {
        // Fast path: the canonical names as written by our own schema.
        if let exact = Role(rawValue: name) {
            self = exact
            return
        }
        let key = name.lowercased().filter { $0.isLetter }
        switch key {
        case "customer", "user", "client", "requester", "enduser", "visitor", "guest", "consumer", "caller", "inbound": self = .customer
        case "agent", "support", "staff", "operator", "representative", "rep", "advisor", "admin", "employee", "outbound": self = .agent
        case "bot", "assistant", "chatbot", "virtualagent", "automation", "ai": self = .bot
        case "system", "notice", "event": self = .system
        default: self = .unknown
        }
    }
}
