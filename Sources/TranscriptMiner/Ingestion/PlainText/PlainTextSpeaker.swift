import Foundation

/// The speaker of a `Name: text` line and the role the name gives.
///
/// ```swift
/// let agents: Set<String> = ["sam"]
/// PlainTextSpeaker(name: "Customer", agentNames: agents, otherRole: .unknown)?.role   // .customer
/// PlainTextSpeaker(name: "Agent Priya", agentNames: agents, otherRole: .unknown)      // .agent, author "Priya"
/// PlainTextSpeaker(name: "Support Bot", agentNames: agents, otherRole: .unknown)?.role  // .bot
/// PlainTextSpeaker(name: "sam", agentNames: agents, otherRole: .unknown)?.role        // .agent
/// PlainTextSpeaker(name: "Maya Lind", agentNames: agents, otherRole: .unknown)?.role  // .unknown
/// PlainTextSpeaker(name: "order number", agentNames: agents, otherRole: .unknown)     // nil: not a speaker
/// ```
///
/// A name is 1–40 characters and at most 4 words, starts with a letter, and holds only letters,
/// digits, spaces and `.'’-_()@&`. It is a speaker when it is in the agent list
/// (→ agent), when ``Role/init(parsing:)`` knows it whole (`Customer`, `End user`, `Support`
/// → that role), when one of its words is a role word (`Agent Priya` → agent, author `Priya`;
/// a `bot` word wins, `Customer Service/Support/Care` are agents), or when every word is
/// capitalized (`Maya Lind` → the other-speaker role, author `Maya Lind`). Other text before a
/// colon (`order number: 12`) is not a speaker, so the line is text.
/// - Complexity: O(n) in the name's length.
struct PlainTextSpeaker: Hashable {
    /// The role.
    var role: Role
    /// The name, when it names a person or account rather than only a role.
    var author: String?

    /// `agentNames` must be lowercased.
    init?(name: Substring, agentNames: Set<String>, otherRole: Role) {
        guard (1...40).contains(name.count), let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || ".'’-_()@&".contains($0) })
        else { return nil }
        let words = name.split(separator: " ")
        guard words.count <= 4 else { return nil }
        let lowered = name.lowercased()
        if agentNames.contains(lowered) {
            self.init(role: .agent, author: String(name))
            return
        }
        let whole = Role(parsing: lowered)
        if whole != .unknown {
            self.init(role: whole, author: nil)
            return
        }
        if ["customer service", "customer support", "customer care", "customer success"].contains(lowered) {
            self.init(role: .agent, author: nil)
            return
        }
        let roles = words.map { Role(parsing: String($0)) }
        if let role = roles.contains(.bot) ? .bot : roles.first(where: { $0 != .unknown }) {
            let rest = zip(words, roles).filter { $0.1 == .unknown }
                .map { String($0.0.filter { $0 != "(" && $0 != ")" }) }.filter { !$0.isEmpty }
            self.init(role: role, author: rest.isEmpty ? nil : rest.joined(separator: " "))
            return
        }
        guard words.allSatisfy({ $0.first(where: \.isLetter)?.isUppercase == true }) else { return nil }
        self.init(role: otherRole, author: String(name))
    }

    private init(role: Role, author: String?) {
        self.role = role
        self.author = author
    }
}
