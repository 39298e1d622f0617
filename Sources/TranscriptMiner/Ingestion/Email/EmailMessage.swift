import Foundation

/// One parsed email, reduced to what threading and the transcript need: ids, date, sender,
/// subject and the cleaned text. The raw MIME is not kept.
///
/// ```swift
/// let message = EmailMessage(messageID: "a2@examplebank.example", parentIDs: ["a1@example.net"],
///                            date: nil, sender: "tom@examplebank.example", subject: "Re: Card",
///                            text: "Your card works again.", location: SourceLocation(file: "a2.eml", line: 1))
/// ```
///
/// Memory is the text plus a few short strings: what ``EmailThreader`` holds per message.
struct EmailMessage: Sendable, Hashable {
    /// The `Message-ID`, without angle brackets, when the message has one.
    var messageID: String?
    /// The ids of `References` then `In-Reply-To`: the messages this one answers.
    var parentIDs: [String]
    /// The `Date`, when present and valid.
    var date: Date?
    /// The lower-cased address of `From` (or `Sender`), when present.
    var sender: String?
    /// The decoded `Subject`.
    var subject: String?
    /// The cleaned body (quotes and signatures removed as configured); may be empty.
    var text: String
    /// Where the message starts.
    var location: SourceLocation
}
