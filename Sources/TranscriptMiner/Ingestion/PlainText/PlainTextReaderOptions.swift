/// How ``PlainTextReader`` reads `Role: text` transcripts: who is an agent, and the limits
/// that keep memory bounded.
///
/// ```swift
/// var options = PlainTextReaderOptions()
/// options.agentNames = ["Sam", "Priya K."]     // "Sam: …" lines are the agent's
/// options.otherSpeakerRole = .customer         // any other named speaker is the customer
/// try options.validate()
/// let reader = PlainTextReader(options: options)
/// ```
///
/// Documented like scikit-learn's estimators: each option's type, default and effect.
/// - `agentNames`: Set<String>, default empty. Speaker names (case-insensitive, compared after
///   trimming) that are agents, whatever the name's words say.
/// - `otherSpeakerRole`: Role, default `.unknown`. The role of a named speaker that is neither a
///   role word (`Customer`, `Agent`, `Bot`, `System`, `User`, `Support`, … see
///   ``Role/init(parsing:)``) nor in `agentNames`.
/// - `defaultChannel`: Channel, default `.other`: the channel of a block without a
///   `# channel:` header.
/// - `scoreKeys`: [String], default `csat`, `nps`, `satisfaction`, `rating`, `score`, `ces` (as
///   the `jsonl` reader). Header keys whose
///   numeric values go to ``Transcript/scores`` (a value that is not a number goes to metadata).
/// - `maximumLineLength`: Int ≥ 1, default 16 MiB. A longer line rejects its block
///   (`line-too-long`); its bytes are skipped, not buffered.
/// - `maximumBlockLength`: Int ≥ 1, default 64 MiB. A longer block (all its lines) is rejected
///   (`line-too-long`); it is counted, not buffered, past the limit.
/// - `chunkSize`: Int ≥ 16, default 1 MiB: bytes per read.
public struct PlainTextReaderOptions: Sendable, Hashable {
    /// An option with a value the reader cannot use.
    public struct InvalidOption: Error, Sendable, Hashable, CustomStringConvertible {
        /// The option's name.
        public var name: String
        /// Why it is invalid, quoting the value.
        public var reason: String
        public var description: String { "invalid plain-text option \(name): \(reason)" }
    }

    /// Speaker names (case-insensitive) that are agents; default empty.
    public var agentNames: Set<String> = []
    /// The role of other named speakers; default `.unknown`.
    public var otherSpeakerRole: Role = .unknown
    /// The channel of a block without a `# channel:` header; default `.other`.
    public var defaultChannel: Channel = .other
    /// Header keys that are satisfaction scores.
    public var scoreKeys = ["csat", "nps", "satisfaction", "rating", "score", "ces"]
    /// The longest line accepted, in bytes; default 16 MiB.
    public var maximumLineLength = 16 << 20
    /// The longest block accepted, in bytes; default 64 MiB.
    public var maximumBlockLength = 64 << 20
    /// Bytes per read; default 1 MiB.
    public var chunkSize = 1 << 20

    /// The defaults.
    public init() {}

    /// Checks every option's value.
    /// - Throws: ``InvalidOption`` naming the first invalid option.
    /// - Complexity: O(1).
    public func validate() throws {
        guard maximumLineLength >= 1 else {
            throw InvalidOption(name: "maximumLineLength", reason: "\(maximumLineLength) must be at least 1")
        }
        guard maximumBlockLength >= 1 else {
            throw InvalidOption(name: "maximumBlockLength", reason: "\(maximumBlockLength) must be at least 1")
        }
        guard chunkSize >= 16 else { throw InvalidOption(name: "chunkSize", reason: "\(chunkSize) must be at least 16") }
    }
}
