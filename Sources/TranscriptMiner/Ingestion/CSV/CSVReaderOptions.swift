/// How ``CSVReader`` reads a CSV (or TSV) file: which layout, which columns mean what, and the
/// limits that keep memory bounded.
///
/// ```swift
/// var options = CSVReaderOptions()            // messages grouped by conversation_id, comma
/// options.delimiter = UInt8(ascii: "\t")      // a TSV export
/// options.agentAuthors = ["sam.k", "Support Bot"]
/// try options.validate()
/// let reader = CSVReader(options: options)
/// ```
///
/// Column options are lists of candidate header names, tried in order; the first present in the
/// header (compared case-insensitively, surrounding spaces ignored) is used. Documented like
/// scikit-learn's estimators: each option's type, default and effect.
///
/// - `mode`: ``Mode``, default `.messages`. `.messages`: one message per row, grouped into
///   transcripts by the conversation column. `.documents`: one transcript of one turn per row.
///   `.twitter`: the Twitter customer-support export, threads rebuilt from reply ids.
/// - `detectsTwitterExport`: Bool, default `true`. A header holding `tweet_id`, `author_id`,
///   `inbound`, `created_at`, `text` and `in_response_to_tweet_id` selects `.twitter` whatever
///   `mode` says.
/// - `fallsBackToDocuments`: Bool, default `true`. In `.messages` mode, a header without any
///   conversation column is read as `.documents` (one transcript per row) instead of rejecting
///   every row: a file of survey comments or of labelled texts needs no flag. Set it `false`
///   (the CLI does when `--csv-mode messages` is given) to insist on conversations.
/// - `delimiter`: UInt8, default `,`. One ASCII byte other than `"`, `\r`, `\n`: `\t` for
///   TSV, `;` for European spreadsheets, `|`.
/// - `conversationColumns`: default `conversation_id`, `conversation`, `ticket_id`,
///   `thread_id`, `chat_id`, `session_id`. Required in `.messages` mode; ignored (kept as
///   metadata) in `.documents` mode.
/// - `idColumns`: default `id`. `.documents` mode: the transcript id; absent or empty, the id
///   is `<file>#<row>` (row = 1-based data row), or `<row>` without `qualifiesRowIDs` (a run
///   of a single file). In `.messages` mode an `id` column is the
///   message's and goes to metadata like any extra column.
/// - `textColumns`: default `text`, `message`, `body`, `content`, `comment`. Required.
/// - `roleColumns`: default `role`, `sender_type`, `author_type`, `speaker`; values mapped by
///   ``Role/init(parsing:)``.
/// - `authorColumns`: default `author`, `author_id`, `sender`, `user`: ``Turn/author``.
/// - `timestampColumns`: default `created_at`, `timestamp`, `time`, `date`, `sent_at`, parsed
///   by ``Timestamp/parse(_:)`` (a date outside the years ±9999 is not a timestamp); a value
///   it cannot parse rejects the row (`invalid-field`).
/// - `channelColumns`: default `channel`, `source`; values mapped by ``Channel/init(parsing:)``.
/// - `inboundColumns`: default `inbound`, `is_inbound`. `true`, `1`, `yes`, `y`, `t`,
///   `inbound` → customer; `false`, `0`, `no`, `n`, `f`, `outbound` → agent.
/// - `agentAuthors`: Set<String>, default empty. Author values (case-insensitive) that are
///   agents; when not empty, every other non-empty author is a customer.
/// - `defaultRole`: Role?, default nil, meaning `.unknown` in `.messages` mode and `.customer` in
///   `.documents` mode (a survey comment or review is the customer's voice). The role of a row
///   that none of the rules below decides.
/// - `defaultChannel`: Channel, default `.other`: used when there is no channel column or
///   its value is empty. (`.twitter` mode always uses `.social`.)
/// - `scoreColumns`: default `csat`, `nps`, `satisfaction`, `rating`, `score`, `ces` (as the
///   `jsonl` reader). Every one of these
///   present holding a number goes to ``Transcript/scores`` under its lowercased header name;
///   a value that is not a number goes to metadata instead.
/// - `groupWindow`: Int ≥ 1, default 10,000. `.messages` mode: a conversation not seen for this
///   many rows is complete and is emitted; memory is bounded by the rows of the conversations
///   seen in the last `groupWindow` rows. Rows of a conversation arriving after it was emitted
///   are rejected (`duplicate-id`), so raise it for files whose conversations are far apart.
/// - `maximumFieldLength`: Int ≥ 1, default 16 MiB. A longer field rejects its row
///   (`line-too-long`); its bytes are skipped, not buffered.
/// - `maximumRecordLength`: Int ≥ 1, default 64 MiB. A longer row is rejected (`line-too-long`).
/// - `chunkSize`: Int ≥ 16, default 1 MiB: bytes per read.
///
/// A row's role is decided by the first rule that applies: the role column's value when
/// ``Role/init(parsing:)`` knows it; the inbound column's flag; the author against
/// `agentAuthors` (when not empty); `defaultRole`.
public struct CSVReaderOptions: Sendable, Hashable {
    /// The file's layout.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// One message per row, grouped into transcripts by a conversation column.
        case messages
        /// One transcript (of one turn) per row: survey answers, reviews, tickets' first messages.
        case documents
        /// The Twitter customer-support export (`tweet_id,author_id,inbound,created_at,text,
        /// response_tweet_id,in_response_to_tweet_id`): one transcript per reply thread.
        case twitter
    }

    /// An option with a value the reader cannot use.
    public struct InvalidOption: Error, Sendable, Hashable, CustomStringConvertible {
        /// The option's name.
        public var name: String
        /// Why it is invalid, quoting the value.
        public var reason: String
        public var description: String { "invalid CSV option \(name): \(reason)" }
    }

    /// The file's layout; default `.messages`.
    public var mode: Mode = .messages
    /// Whether a Twitter-export header selects `.twitter` whatever ``mode`` says; default true.
    public var detectsTwitterExport = true
    /// Whether `.messages` mode reads a file without a conversation column as `.documents`.
    public var fallsBackToDocuments = true
    /// Whether a `.documents` row without an id is named `<file>#<row>` (unique across files)
    /// rather than `<row>`. ``Ingestor`` turns it off when a run reads a single file.
    public var qualifiesRowIDs = true
    /// The field separator; default `,`.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Candidate names of the conversation column (`.messages` mode, required).
    public var conversationColumns = ["conversation_id", "conversation", "ticket_id", "thread_id", "chat_id", "session_id"]
    /// Candidate names of the id column (`.documents` mode; default id `<file>#<row>`).
    public var idColumns = ["id"]
    /// Candidate names of the text column (required).
    public var textColumns = ["text", "message", "body", "content", "comment"]
    /// Candidate names of the role column.
    public var roleColumns = ["role", "sender_type", "author_type", "speaker"]
    /// Candidate names of the author column.
    public var authorColumns = ["author", "author_id", "sender", "user"]
    /// Candidate names of the timestamp column.
    public var timestampColumns = ["created_at", "timestamp", "time", "date", "sent_at"]
    /// Candidate names of the channel column.
    public var channelColumns = ["channel", "source"]
    /// Candidate names of the inbound/outbound flag column.
    public var inboundColumns = ["inbound", "is_inbound"]
    /// Authors (names or ids, case-insensitive) who are agents; when not empty, other authors
    /// are customers. Default empty.
    public var agentAuthors: Set<String> = []
    /// The role no rule decides; default nil: `.unknown` for messages, `.customer` for documents.
    public var defaultRole: Role?
    /// The channel when no column gives one; default `.other`.
    public var defaultChannel: Channel = .other
    /// Names of numeric columns that are satisfaction scores.
    public var scoreColumns = ["csat", "nps", "satisfaction", "rating", "score", "ces"]
    /// Rows after which an unseen conversation is complete; default 10,000.
    public var groupWindow = 10_000
    /// The longest field accepted, in bytes; default 16 MiB.
    public var maximumFieldLength = 16 << 20
    /// The longest row accepted, in bytes; default 64 MiB.
    public var maximumRecordLength = 64 << 20
    /// Bytes per read; default 1 MiB.
    public var chunkSize = 1 << 20

    /// The defaults.
    public init() {}

    /// Checks every option's value (data-dependent rules, such as a missing column, are checked
    /// while reading).
    /// - Throws: ``InvalidOption`` naming the first invalid option.
    /// - Complexity: O(c) in the number of candidate column names.
    public func validate() throws {
        let forbidden: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        guard delimiter < 0x80, !forbidden.contains(delimiter) else {
            throw InvalidOption(name: "delimiter", reason: "byte \(delimiter) must be ASCII and not a quote or line break")
        }
        guard !textColumns.isEmpty else { throw InvalidOption(name: "textColumns", reason: "must name at least one column") }
        guard mode != .messages || !conversationColumns.isEmpty else {
            throw InvalidOption(name: "conversationColumns", reason: "must name at least one column in messages mode")
        }
        guard groupWindow >= 1 else { throw InvalidOption(name: "groupWindow", reason: "\(groupWindow) must be at least 1") }
        guard maximumFieldLength >= 1 else {
            throw InvalidOption(name: "maximumFieldLength", reason: "\(maximumFieldLength) must be at least 1")
        }
        guard maximumRecordLength >= 1 else {
            throw InvalidOption(name: "maximumRecordLength", reason: "\(maximumRecordLength) must be at least 1")
        }
        guard chunkSize >= 16 else { throw InvalidOption(name: "chunkSize", reason: "\(chunkSize) must be at least 16") }
    }
}
