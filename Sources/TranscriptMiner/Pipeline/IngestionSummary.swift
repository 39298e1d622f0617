/// Exact accounting of a run's input: what was read, analysed, rejected and repaired, and why.
///
/// Invariant: ``recordsRead`` == ``recordsAnalyzed`` + ``recordsRejected``, and
/// ``recordsRejected`` is the sum of ``rejectedByCode``.
public struct IngestionSummary: Sendable, Hashable {
    /// Inputs (files, standard input) opened and read.
    public var filesRead = 0
    /// Inputs that could not be read at all, or whose format is unknown (see ``fileProblemsByCode``).
    public var filesFailed = 0
    /// Records read: every transcript the readers produced plus every record they rejected.
    public var recordsRead = 0
    /// Records that became transcripts for analysis.
    public var recordsAnalyzed = 0
    /// Records rejected.
    public var recordsRejected: Int { rejectedByCode.values.reduce(0, +) }
    /// Rejected records by reason.
    public var rejectedByCode: [IngestionProblem.Code: Int] = [:]
    /// Repairs (records kept after a fix, such as invalid UTF-8) by reason.
    public var repairedByCode: [IngestionProblem.Code: Int] = [:]
    /// Problems with whole inputs (unreadable, unknown format, empty, truncated) by reason.
    public var fileProblemsByCode: [IngestionProblem.Code: Int] = [:]
    /// Every input opened, in reading order, with its size and the SHA-256 of its bytes (as
    /// stored: compressed for gzip), hashed in the same pass that reads it.
    public var inputs: [InputFingerprint] = []
    /// The first problems, in order, for display (at most ``maximumKeptProblems``).
    public var problems: [IngestionProblem] = []
    /// Every problem met: rejections, repairs and problems with whole inputs (``problems`` keeps
    /// only the first ones).
    public var problemCount: Int {
        rejectedByCode.values.reduce(0, +) + repairedByCode.values.reduce(0, +) + fileProblemsByCode.values.reduce(0, +)
    }
    /// How many problems ``problems`` keeps.
    public static let maximumKeptProblems = 100

    /// Creates an empty summary.
    public init() {}

    mutating func record(_ problem: IngestionProblem, fileLevel: Bool = false) {
        if fileLevel {
            fileProblemsByCode[problem.code, default: 0] += 1
        } else if problem.isRejection {
            recordsRead += 1
            rejectedByCode[problem.code, default: 0] += 1
        } else {
            repairedByCode[problem.code, default: 0] += 1
        }
        if problems.count < Self.maximumKeptProblems { problems.append(problem) }
    }
}
