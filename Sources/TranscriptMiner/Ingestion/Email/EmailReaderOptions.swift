/// How the email readers (``EmailReader``, ``MboxReader``, ``EmailThreader``) read messages.
///
/// ```swift
/// let options = EmailReaderOptions(agentDomains: ["examplebank.example"])
/// let reader = MboxReader(options: options)
/// ```
///
/// Every option has a default that suits support mailboxes; `validate()` is not needed because
/// every value is usable (a non-positive size limit is raised to 1 KiB).
public struct EmailReaderOptions: Sendable, Hashable {
    /// The domains whose senders are agents. Type `[String]`, default `[]`.
    ///
    /// A sender whose address's domain equals one of them, or is a subdomain of one
    /// (`support.examplebank.example` for `examplebank.example`), is ``Role/agent``; any other
    /// sender is ``Role/customer``. Compared case-insensitively; a leading `@` is ignored.
    /// When empty, the sender of a thread's root (or earliest) message is the customer, and
    /// every other address is an agent. A message without a sender address is
    /// ``Role/unknown``.
    public var agentDomains: [String]

    /// Whether messages are grouped into threads. Type `Bool`, default `true`.
    ///
    /// `true`: one transcript per thread, rebuilt from `Message-ID`, `In-Reply-To` and
    /// `References`; transcripts are emitted when the input ends (see ``EmailThreader``).
    /// `false`: one transcript per message, emitted as soon as it is read.
    public var threadsMessages: Bool

    /// Whether quoted replies and forwarded messages are removed from bodies. Type `Bool`,
    /// default `true`. See ``EmailBodyCleaner`` for the rules.
    public var stripsQuotedText: Bool

    /// Whether signatures (`-- `), client footers ("Sent from my iPhone") and sign-off blocks
    /// ("Kind regards, / Name") are removed. Type `Bool`, default `true`.
    public var stripsSignatures: Bool

    /// The largest message read, in bytes. Type `Int`, default 32 MiB (33,554,432).
    ///
    /// A larger message is rejected (``IngestionProblem/Code/malformedMessage``) without being
    /// buffered beyond the limit, so memory stays bounded whatever the input.
    public var maximumMessageBytes: Int

    /// Creates options; every parameter defaults as documented on its property.
    public init(agentDomains: [String] = [], threadsMessages: Bool = true, stripsQuotedText: Bool = true,
                stripsSignatures: Bool = true, maximumMessageBytes: Int = 32 << 20) {
        self.agentDomains = agentDomains
        self.threadsMessages = threadsMessages
        self.stripsQuotedText = stripsQuotedText
        self.stripsSignatures = stripsSignatures
        self.maximumMessageBytes = max(1024, maximumMessageBytes)
    }

    /// The body cleaner these options configure.
    var cleaner: EmailBodyCleaner {
        EmailBodyCleaner(stripsQuotes: stripsQuotedText, stripsSignatures: stripsSignatures)
    }
}
