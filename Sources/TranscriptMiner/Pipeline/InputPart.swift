/// One part of a run's input, read by one task of a partitioned run (`minectl partial …`,
/// Spark): a byte range of a file, a whole file, or standard input standing for a piece of one.
///
/// Parts are numbered in input order (files in the run's order, a file's parts by offset); the
/// merge of partial results puts them back in that order, so line numbers and "the first
/// problems" come out as in one run over the whole input.
///
/// ```swift
/// let part = InputPart(index: 3, source: "chats.jsonl", offset: 3 << 26, length: 1 << 26)
/// let reading = try Ingestor().read(part) { transcript, location in … }
/// reading.lineCount   // lines owned by the part: the next part's line 1 is this + 1
/// ```
public struct InputPart: Sendable, Hashable, Codable {
    /// The part's position in the whole input, from 0.
    public var index: Int
    /// The file's path as given to the run (and as it appears in messages and the report).
    public var source: String
    /// Where the part starts: a byte offset into ``source`` (the part owns the lines that start
    /// in `offset ..< offset + length`); for standard input, the piece's position in the source
    /// (0 for its first piece).
    public var offset: Int
    /// The range's length in bytes, or `nil` for the rest of the file (and for standard input).
    public var length: Int?
    /// Whether the part's bytes come from standard input rather than from ``source``.
    public var readsStandardInput: Bool

    /// Creates a part.
    public init(index: Int, source: String, offset: Int = 0, length: Int? = nil, readsStandardInput: Bool = false) {
        self.index = index
        self.source = source
        self.offset = offset
        self.length = length
        self.readsStandardInput = readsStandardInput
    }

    /// Whether the part starts its source: it carries the file-level counts (files read, the
    /// input's fingerprint, an empty file).
    public var isHead: Bool { offset == 0 }
}

/// What reading one ``InputPart`` found.
public struct PartReading: Sendable, Hashable, Codable {
    /// The part.
    public var part: InputPart
    /// Counts and problems, with lines numbered from the part's first line (the merge adds the
    /// lines of the source's earlier parts). Only the head part counts the file as read and
    /// fingerprints it.
    public var summary: IngestionSummary
    /// The lines the part owns (the next part of the same source numbers its lines after them),
    /// or `nil` for a whole file, which no other part of the source follows.
    public var lineCount: Int?
}
