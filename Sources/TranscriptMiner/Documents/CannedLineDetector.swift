/// Finds canned lines — agent macros, bot prompts, signatures, widget boilerplate — as clauses
/// repeated verbatim (after normalisation) across many different transcripts.
///
/// Text is cut into clauses by ``ClauseSplitter`` (at line breaks and after `.` `!` `?` `,` `;`
/// `:` followed by a space). A clause is *canned* when it has at least ``minimumWords`` words
/// and occurs in at least `max(minimumTranscripts, minimumShare × transcripts)` distinct
/// transcripts. Normalisation lower-cases letters, maps every run of digits to `0` and collapses
/// everything else to single spaces, so "Your ticket #4411 is closed." and "your ticket 9 is
/// closed" are the same clause.
///
/// Why clauses and not turns: macros are pasted with a name or an order number ("Hi Dana, thank
/// you for contacting us."), so whole turns rarely repeat, while their clauses do. Real customer
/// wording is rarely repeated word for word by many different people; when it is (a very short
/// "card not working"), ``minimumWords`` keeps it.
///
/// - Complexity: O(total text length) to count; memory one 64-bit fingerprint, two integers and
///   one example string per distinct clause.
public struct CannedLineDetector: Sendable, Hashable {
    /// Clauses shorter than this many words are never canned. Default 4.
    public var minimumWords: Int
    /// The smallest number of distinct transcripts a canned clause appears in. Default 5.
    public var minimumTranscripts: Int
    /// The smallest share of all transcripts a canned clause appears in. Default 0.02 (2 %).
    public var minimumShare: Double

    /// Creates a detector; the defaults are documented on each property.
    public init(minimumWords: Int = 4, minimumTranscripts: Int = 5, minimumShare: Double = 0.02) {
        self.minimumWords = minimumWords
        self.minimumTranscripts = minimumTranscripts
        self.minimumShare = minimumShare
    }

    /// The canned clauses of `texts`, where `texts(i)` yields the turn texts of transcript `i`
    /// that will go into its document.
    public func detect(transcriptCount: Int, texts: (Int) -> [String]) -> CannedLines {
        var counts: [UInt64: (transcripts: Int, last: Int, example: String)] = [:]
        for transcript in 0..<transcriptCount {
            for text in texts(transcript) {
                ClauseSplitter.forEachClause(in: text) { clause in
                    guard let key = Self.fingerprint(clause, minimumWords: minimumWords) else { return }
                    if var entry = counts[key] {
                        if entry.last != transcript {
                            entry.transcripts += 1
                            entry.last = transcript
                            counts[key] = entry
                        }
                    } else {
                        counts[key] = (1, transcript, String(clause))
                    }
                }
            }
        }
        let threshold = max(minimumTranscripts, Int((minimumShare * Double(transcriptCount)).rounded(.up)))
        var canned: [UInt64: CannedLines.Entry] = [:]
        for (key, entry) in counts where entry.transcripts >= threshold {
            canned[key] = CannedLines.Entry(example: entry.example, transcriptCount: entry.transcripts)
        }
        return CannedLines(entries: canned, minimumWords: minimumWords)
    }

    /// A 64-bit FNV-1a fingerprint of the normalised clause, or `nil` when it has fewer than
    /// `minimumWords` words.
    static func fingerprint(_ clause: Substring, minimumWords: Int) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var words = 0
        var inWord = false
        var inNumber = false
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for scalar in clause.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if !inWord {
                    if words > 0 { mix(0x20) }
                    words += 1
                    inWord = true
                }
                if properties.numericType != nil {
                    if !inNumber { mix(0x30) }   // a run of digits counts as one 0
                    inNumber = true
                } else {
                    inNumber = false
                    for lowered in properties.lowercaseMapping.utf8 { mix(lowered) }
                }
            } else {
                inWord = false
                inNumber = false
            }
        }
        return words >= minimumWords ? hash : nil
    }
}

/// The canned clauses found by a ``CannedLineDetector``, and the means to strip them.
public struct CannedLines: Sendable {
    /// One canned clause.
    public struct Entry: Sendable, Hashable {
        /// The first occurrence, as written (already redacted when the transcripts were).
        public var example: String
        /// The number of distinct transcripts it appears in.
        public var transcriptCount: Int
    }

    let entries: [UInt64: Entry]
    let minimumWords: Int

    /// No canned clauses: stripping changes nothing.
    public static let none = CannedLines(entries: [:], minimumWords: .max)

    /// Whether there is no canned clause (stripping changes nothing).
    public var isEmpty: Bool { entries.isEmpty }

    /// The canned clauses, most widespread first (ties by text).
    public var lines: [Entry] {
        entries.values.sorted { ($0.transcriptCount, $1.example) > ($1.transcriptCount, $0.example) }
    }

    /// Whether `clause` is canned.
    public func isCanned(_ clause: Substring) -> Bool {
        guard !entries.isEmpty, let key = CannedLineDetector.fingerprint(clause, minimumWords: minimumWords) else { return false }
        return entries[key] != nil
    }

    /// `text` without its canned clauses: each is replaced by a line break (so no phrase spans
    /// the gap) and the rest keeps its wording and order; and how many were removed.
    /// - Complexity: O(length of text).
    public func stripping(_ text: String) -> (text: String, removed: Int) {
        guard !entries.isEmpty else { return (text, 0) }
        var result = ""
        var copied = text.startIndex
        var removed = 0
        ClauseSplitter.forEachClause(in: text) { clause in
            guard isCanned(clause) else { return }
            result += text[copied..<clause.startIndex]
            result += "\n"
            copied = clause.endIndex
            removed += 1
        }
        guard removed > 0 else { return (text, 0) }
        result += text[copied...]
        return (result, removed)
    }
}
