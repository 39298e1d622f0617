/// A kind of personal data the ``Redactor`` finds and replaces with a typed placeholder.
///
/// ```swift
/// PIIKind.email.placeholder        // "[EMAIL]"
/// Redactor(kinds: [.email, .phone]) // only these two kinds
/// ```
///
/// The placeholders are `[UPPER_CASE]` markers, which the tokenizer keeps as single
/// `.placeholder` tokens, so redacted text still analyses cleanly.
///
/// When two findings overlap, the one of higher ``priority`` names the replaced span (see
/// ``Redactor`` for the exact rule).
public enum PIIKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// An email address: `jane.doe+tag@example.co.uk`, also with non-Latin letters
    /// (`josé@exämple.de`).
    case email
    /// A telephone number in an international (`+44 20 7946 0958`, `0044 …`) or a national
    /// format (`(555) 123-4567`, `020 7946 0958`, `06 12 34 56 78`).
    case phone
    /// A payment card number: 13–19 digits with a known issuer prefix that pass the Luhn check,
    /// plain or grouped by spaces or dashes.
    case card
    /// An International Bank Account Number with a valid ISO 13616 (mod-97) checksum.
    case iban
    /// An IPv4 dotted quad or an IPv6 address.
    case ipAddress
    /// A URL that carries a secret or an identifier (`?token=…`, `?session=…`, a long random path
    /// segment, a UUID, a password in the user info). Ordinary URLs are kept.
    case url
    /// A US Social Security number, `ddd-dd-dddd`, outside the ranges the SSA never issues.
    case ssn

    /// The typed marker that replaces a finding: `[EMAIL]`, `[PHONE]`, `[CARD]`, `[IBAN]`,
    /// `[IP]`, `[URL]` or `[SSN]`.
    ///
    /// ```swift
    /// PIIKind.ipAddress.placeholder // "[IP]"
    /// ```
    /// - Complexity: O(1).
    public var placeholder: String {
        switch self {
        case .email: "[EMAIL]"
        case .phone: "[PHONE]"
        case .card: "[CARD]"
        case .iban: "[IBAN]"
        case .ipAddress: "[IP]"
        case .url: "[URL]"
        case .ssn: "[SSN]"
        }
    }

    /// Which kind names a span when findings of different kinds overlap: higher wins.
    ///
    /// The order is email > url > iban > card > ssn > phone > ipAddress: the more specific
    /// syntax first (an email or a URL contains digits that other detectors also see).
    ///
    /// ```swift
    /// PIIKind.card.priority > PIIKind.phone.priority // true
    /// ```
    /// - Complexity: O(1).
    public var priority: Int {
        switch self {
        case .email: 7
        case .url: 6
        case .iban: 5
        case .card: 4
        case .ssn: 3
        case .phone: 2
        case .ipAddress: 1
        }
    }
}
