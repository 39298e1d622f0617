/// The term counts of one fixed-size chunk of documents: the chunk's own small vocabulary (terms
/// in first-seen order), each document's term counts against it, and per-term document and
/// corpus frequencies. Chunks are counted concurrently and merged in chunk order.
///
/// Memory: one entry per distinct (document, term) pair plus one string per distinct term of the
/// chunk, so proportional to the non-zeros.
struct ChunkTermCounts: Sendable {
    /// The chunk's terms; a local id is an index into this array.
    var terms: [String] = []
    /// The number of the chunk's documents that contain each term.
    var documentFrequency: [Int] = []
    /// The number of times each term occurs in the chunk.
    var termFrequency: [Int] = []
    /// Where each document's entries start in ``entryTerms``/``entryCounts``; one more entry than
    /// documents.
    var documentOffsets: [Int] = [0]
    /// Local term ids, document after document, each document's in first-seen order.
    var entryTerms: [Int32] = []
    /// How often the matching entry's term occurs in its document.
    var entryCounts: [Int32] = []

    /// The number of documents counted.
    var documentCount: Int { documentOffsets.count - 1 }

    /// Counts the terms of each text with `session`.
    /// - Complexity: O(total length of the texts), expected (hashing).
    init(texts: some Sequence<String>, session: TermExtractor.Session, ngramRange: ClosedRange<Int>) {
        var localIndex: [String: Int32] = [:]
        // Per document: the local ids seen so far and where each sits in this document's entries.
        var slotOfTerm: [Int32] = []
        for text in texts {
            let start = entryTerms.count
            session.forEachTerm(in: text, ngramRange: ngramRange) { term in
                let id: Int32
                if let known = localIndex[term] {
                    id = known
                } else {
                    id = Int32(terms.count)
                    localIndex[term] = id
                    terms.append(term)
                    documentFrequency.append(0)
                    termFrequency.append(0)
                    slotOfTerm.append(-1)
                }
                termFrequency[Int(id)] += 1
                let slot = Int(slotOfTerm[Int(id)])
                if slot >= start, slot < entryTerms.count, entryTerms[slot] == id {
                    entryCounts[slot] += 1
                } else {
                    slotOfTerm[Int(id)] = Int32(entryTerms.count)
                    entryTerms.append(id)
                    entryCounts.append(1)
                    documentFrequency[Int(id)] += 1
                }
            }
            documentOffsets.append(entryTerms.count)
        }
    }
}
