import Foundation

/// Decides a CSV row's role from its role column, inbound flag and author.
///
/// ```swift
/// let rule = CSVRoleRule(agentAuthors: ["Sam K"], defaultRole: .unknown)
/// rule.role(roleValue: "end-user", inboundValue: nil, author: nil)    // .customer
/// rule.role(roleValue: nil, inboundValue: "False", author: nil)       // .agent
/// rule.role(roleValue: nil, inboundValue: nil, author: "sam k")       // .agent
/// rule.role(roleValue: nil, inboundValue: nil, author: "Dana")        // .customer
/// ```
/// The first rule that applies decides: a role value ``Role/init(parsing:)`` knows; an inbound
/// flag (``inboundFlag(_:)``); the author against a non-empty agent list (agents, else
/// customers); the default role.
/// - Complexity: O(n) in the length of the values.
struct CSVRoleRule {
    /// Agent authors, lowercased.
    let agentAuthors: Set<String>
    /// The role when no rule applies.
    let defaultRole: Role

    init(agentAuthors: Set<String>, defaultRole: Role) {
        self.agentAuthors = Set(agentAuthors.map { ReaderText.trimmed($0).lowercased() })
        self.defaultRole = defaultRole
    }

    func role(roleValue: String?, inboundValue: String?, author: String?) -> Role {
        if let roleValue {
            let role = Role(parsing: roleValue)
            if role != .unknown { return role }
        }
        if let inboundValue, let inbound = Self.inboundFlag(inboundValue) { return inbound ? .customer : .agent }
        if let author, !agentAuthors.isEmpty { return agentAuthors.contains(author.lowercased()) ? .agent : .customer }
        return defaultRole
    }

    /// `true` for an inbound (customer) flag, `false` for outbound, nil for anything else.
    static func inboundFlag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "1", "yes", "y", "t", "inbound", "in": return true
        case "false", "0", "no", "n", "f", "outbound", "out": return false
        default: return nil
        }
    }
}
