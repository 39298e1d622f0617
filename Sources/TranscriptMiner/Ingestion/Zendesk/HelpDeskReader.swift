import Foundation
import Tokenizer

/// Reads a help desk's ticket export, described by a ``HelpDeskFieldMapping``, into
/// transcripts: one per ticket.
///
/// ```swift
/// let reader = HelpDeskReader(mapping: .zendesk)
/// try reader.read(try FileStream(path: "tickets.json"), file: "tickets.json") { event in
///     if case .transcript(let transcript, _) = event { print(transcript.id, transcript.turns.count) }
/// }
/// ```
///
/// Accepted layouts (``JSONRecordSplitter``): a document with the mapping's records key
/// (`{"tickets": […], "next_page": …}`), a top-level array of tickets, or one ticket per line
/// (JSONL), including one export page per line. Tickets are found by a streaming splitter and
/// parsed one at a time with `JSONSerialization`, so memory is bounded by one ticket, however
/// large the export.
///
/// Each ticket is either a transcript (located by its first line and its number in the file)
/// or one rejecting problem: ``IngestionProblem/Code/invalidJSON`` (not JSON, or cut off),
/// ``IngestionProblem/Code/lineTooLong`` (over ``maximumRecordBytes``), or the mapping's
/// ``IngestionProblem/Code/missingField`` / ``IngestionProblem/Code/invalidField``. Invalid
/// UTF-8 in a ticket is repaired with U+FFFD and reported as a non-rejecting
/// ``IngestionProblem/Code/invalidUTF8``.
/// - Complexity: O(n) in the bytes; memory is one ticket (at most ``maximumRecordBytes``).
public struct HelpDeskReader: TranscriptReader {
    /// How records are delimited.
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// JSONL for names ending `.jsonl` or `.ndjson` (before any `.gz`); otherwise decided by
        /// the first line: JSONL when a complete value ends on it, a document when not.
        case automatic
        /// One JSON document (pretty-printed or not): line ends are spaces.
        case document
        /// One ticket, page or array per line: a line end closes a broken record.
        case lines
    }

    /// Where the ticket fields are.
    public var mapping: HelpDeskFieldMapping
    /// How records are delimited. Default ``Layout/automatic``.
    public var layout: Layout
    /// Tickets larger than this many bytes are rejected without being buffered whole. Default
    /// 16 MiB.
    public var maximumRecordBytes: Int

    /// Creates a reader.
    public init(mapping: HelpDeskFieldMapping, layout: Layout = .automatic, maximumRecordBytes: Int = 16 << 20) {
        self.mapping = mapping
        self.layout = layout
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Reads every ticket of `stream` and emits, for each, its transcript or its rejection (plus
    /// repairs), in input order.
    /// - Throws: what `emit` or the stream throws.
    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var splitter = JSONRecordSplitter(recordsKey: mapping.recordsKey, lineDelimited: lineDelimited(for: file),
                                          maximumRecordBytes: maximumRecordBytes)
        let records = try splitter.readAll(stream, file: file, emit: emit) { bytes, location in
            try self.event(for: bytes, at: location, emit: emit)
        }
        if records == 0 {
            try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), "no tickets", isRejection: false)))
        }
    }

    /// The splitter's line mode for `file` under ``layout``.
    func lineDelimited(for file: String) -> Bool? {
        switch layout {
        case .document: return false
        case .lines: return true
        case .automatic:
            var name = file.lowercased()
            if name.hasSuffix(".gz") { name.removeLast(3) }
            return name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") ? true : nil
        }
    }

    /// The transcript or problem for one ticket's JSON bytes; invalid UTF-8 is repaired (and
    /// reported through `emit`) first.
    func event(for bytes: [UInt8], at location: SourceLocation, emit: (ReadEvent) throws -> Void) throws -> ReadEvent {
        var data = Data(bytes)
        if String(validating: bytes, as: UTF8.self) == nil {
            let repaired = RepairedText(bytes)
            try emit(.problem(IngestionProblem(.invalidUTF8, at: location, "\(repaired.replacements) invalid UTF-8 sequence(s) replaced with U+FFFD", isRejection: false)))
            data = Data(repaired.text.utf8)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return .problem(IngestionProblem(.invalidJSON, at: location, "ticket is not valid JSON (\(data.count) bytes)"))
        }
        switch mapping.transcript(from: object, at: location) {
        case .success(let transcript): return .transcript(transcript, location)
        case .failure(let problem): return .problem(problem)
        }
    }
}
