/// Where a help desk's ticket export keeps the fields of a transcript: key paths into each
/// ticket's JSON object. ``HelpDeskReader`` reads any export a mapping describes;
/// ``zendesk`` is one value, and another help desk is another value.
///
/// ```swift
/// // A Freshdesk-like export: {"id": 7, "requester_id": 42, "conversations": [{"user_id": 42,
/// //   "body_text": "…", "private": false, "incoming": true, "created_at": "…"}], …}
/// var freshdesk = HelpDeskFieldMapping(name: "freshdesk", comments: "conversations")
/// freshdesk.recordsKey = nil                      // a top-level array (or JSONL)
/// freshdesk.channel = "source"
/// freshdesk.channelNames = ["1": .email, "2": .other, "3": .voiceTranscript, "7": .chat]
/// freshdesk.ticketDescription = "description_text"
/// freshdesk.commentAuthor = "user_id"
/// freshdesk.commentBodies = ["body_text"]
/// freshdesk.commentHTMLBodies = ["body"]
/// freshdesk.commentPublic = nil
/// freshdesk.commentPrivate = "private"
/// freshdesk.commentFromRequester = "incoming"
/// let reader = HelpDeskReader(mapping: freshdesk)
/// ```
///
/// How a ticket becomes a ``Transcript``:
/// - ``id`` (required, a string or number) → `id`; ``createdAt`` → `createdAt`.
/// - ``channel`` → `channel` through ``channelNames`` (lower-cased raw value), else
///   ``Channel/init(parsing:)``; the raw value is kept in `metadata["via_channel"]`.
/// - ``subject`` → `metadata["subject"]`; ``requester`` → `metadata["requester_id"]`; ``tags``
///   (an array or a string) → `metadata["tags"]`, comma-separated; each entry of ``metadata``
///   → `metadata[name]` when its value is a string or number.
/// - ``satisfaction`` → `scores["csat"]`: a string through ``satisfactionScores`` (`good` 1,
///   `bad` 0; others such as `offered` give no score), a number as it is.
/// - ``comments`` (an array of objects) → turns, in their order. A comment's text is its first
///   non-empty ``commentBodies`` string, else its first ``commentHTMLBodies`` string stripped of
///   markup; its role is ``Role/customer`` when ``commentFromRequester`` says so, or when its
///   ``commentAuthor`` is the requester, else ``Role/agent`` (``Role/unknown`` without an
///   author); ``commentPublic`` `false` or ``commentPrivate`` `true` make
///   ``Turn/isPublic`` `false` (internal notes: kept, but left out of themes by default).
/// - No comments (absent or empty): ``ticketDescription`` is the one customer turn.
///
/// The requester is ``requester``; when absent, the first comment's author.
///
/// Rejected: no id (``IngestionProblem/Code/missingField``); comments that are not an array of
/// objects, or an id that is not a string or number (``IngestionProblem/Code/invalidField``); a
/// comment without text, or no comment and no description
/// (``IngestionProblem/Code/missingField``).
public struct HelpDeskFieldMapping: Sendable, Hashable {
    /// The help desk's name, for documentation and messages (`"zendesk"`).
    public var name: String
    /// The key of the ticket array in an export document (`{"tickets": […]}`); nil when
    /// exports are only top-level arrays or one ticket per line. Default `"tickets"`.
    public var recordsKey: String?
    /// The ticket id (required). Default `"id"`.
    public var id: JSONKeyPath
    /// When the ticket was created. Default `"created_at"`.
    public var createdAt: JSONKeyPath?
    /// The subject. Default `"subject"`.
    public var subject: JSONKeyPath?
    /// The channel the ticket came through. Default `"via.channel"`.
    public var channel: JSONKeyPath?
    /// Raw channel values (lower-cased) and their ``Channel``; values not listed go through
    /// ``Channel/init(parsing:)``. Default: empty.
    public var channelNames: [String: Channel]
    /// The requester's id: comments by the requester are the customer's. Default `"requester_id"`.
    public var requester: JSONKeyPath?
    /// Tags (an array of strings, or one string). Default `"tags"`.
    public var tags: JSONKeyPath?
    /// The satisfaction rating (a string or number). Default `"satisfaction_rating.score"`.
    public var satisfaction: JSONKeyPath?
    /// Satisfaction strings (lower-cased) and their `csat` score. Default `["good": 1, "bad": 0]`.
    public var satisfactionScores: [String: Double]
    /// The ticket's first message, used when it has no comments. Default `"description"`.
    public var ticketDescription: JSONKeyPath?
    /// The array of comments (required for turns). Default `"comments"`.
    public var comments: JSONKeyPath
    /// A comment's author id. Default `"author_id"`.
    public var commentAuthor: JSONKeyPath?
    /// A comment's plain-text bodies, in order of preference. Default `["body", "plain_body"]`.
    public var commentBodies: [JSONKeyPath]
    /// A comment's HTML bodies, used (stripped) when no plain body has text. Default `["html_body"]`.
    public var commentHTMLBodies: [JSONKeyPath]
    /// A boolean that is `false` for internal comments. Default `"public"`.
    public var commentPublic: JSONKeyPath?
    /// A boolean that is `true` for internal comments. Default nil.
    public var commentPrivate: JSONKeyPath?
    /// A boolean that is `true` for comments from the customer (overrides the author rule).
    /// Default nil.
    public var commentFromRequester: JSONKeyPath?
    /// When a comment was written. Default `"created_at"`.
    public var commentCreatedAt: JSONKeyPath?
    /// Other ticket fields to keep, by metadata name. Default: empty.
    public var metadata: [String: JSONKeyPath]

    /// Creates a mapping; every field not given has the default documented on its property
    /// (which are Zendesk's names).
    public init(name: String, recordsKey: String? = "tickets", id: JSONKeyPath = "id",
                createdAt: JSONKeyPath? = "created_at", subject: JSONKeyPath? = "subject",
                channel: JSONKeyPath? = "via.channel", channelNames: [String: Channel] = [:],
                requester: JSONKeyPath? = "requester_id", tags: JSONKeyPath? = "tags",
                satisfaction: JSONKeyPath? = "satisfaction_rating.score",
                satisfactionScores: [String: Double] = ["good": 1, "bad": 0],
                ticketDescription: JSONKeyPath? = "description", comments: JSONKeyPath = "comments",
                commentAuthor: JSONKeyPath? = "author_id", commentBodies: [JSONKeyPath] = ["body", "plain_body"],
                commentHTMLBodies: [JSONKeyPath] = ["html_body"], commentPublic: JSONKeyPath? = "public",
                commentPrivate: JSONKeyPath? = nil, commentFromRequester: JSONKeyPath? = nil,
                commentCreatedAt: JSONKeyPath? = "created_at", metadata: [String: JSONKeyPath] = [:]) {
        self.name = name
        self.recordsKey = recordsKey
        self.id = id
        self.createdAt = createdAt
        self.subject = subject
        self.channel = channel
        self.channelNames = channelNames
        self.requester = requester
        self.tags = tags
        self.satisfaction = satisfaction
        self.satisfactionScores = satisfactionScores
        self.ticketDescription = ticketDescription
        self.comments = comments
        self.commentAuthor = commentAuthor
        self.commentBodies = commentBodies
        self.commentHTMLBodies = commentHTMLBodies
        self.commentPublic = commentPublic
        self.commentPrivate = commentPrivate
        self.commentFromRequester = commentFromRequester
        self.commentCreatedAt = commentCreatedAt
        self.metadata = metadata
    }
}
