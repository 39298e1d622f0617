/// The documents a theme analysis fits its clustering on when the input is large: at most
/// ``limit`` of them, chosen by a hash of the transcript id. Every document is then assigned to
/// the nearest of the fitted themes.
///
/// Fitting is the part of the analysis that grows faster than the input: neighbour smoothing
/// looks for each document's neighbours among all the others (about 60 % of the CPU time of a
/// 100,000-conversation run, and superlinear beyond that, as the candidate scores stop fitting
/// in the processor's caches), and every k-means iteration and restart visits every document. A
/// uniform sample of 20,000 conversations pins the themes down — 77 themes get about 260 members
/// each — so beyond ``limit`` the analysis smooths and clusters the sample only, then assigns
/// every document, sample included (no document's theme depends on whether it was drawn), to
/// its most similar theme centroid by its own, unsmoothed TF-IDF vector. Labels come from the
/// sample's members; sizes, sentiment, pain and quotes from all documents.
///
/// Measured (NMI against the intents of `make_corpus.py` transcripts, k 77, seed 0): 100,000
/// transcripts 0.889 fitted whole, 0.906 / 0.888 / 0.901 on samples of 50,000 / 30,000 / 20,000;
/// 1,000,000 transcripts 0.866 fitted whole, 0.879 / 0.881 on samples of 100,000 / 20,000. The
/// cost is on short texts: on Banking77's single queries (13,083), assigning unsmoothed vectors
/// costs about 0.01 NMI (0.646–0.659 whole, 0.639–0.644 fitted on 13,000), which is why inputs up
/// to the limit are fitted whole.
///
/// The sample depends only on the ids: a document is drawn when its key (``key(of:)``, a
/// 64-bit hash of its id) is among the ``limit`` smallest. It is the same whatever the input
/// order, the number of workers or how the input was split into parts, so a run over parts
/// merged later can draw the same sample (each part keeps its ``limit`` smallest keys).
///
/// | parameter | default | why |
/// |---|---|---|
/// | `limit` | 20,000 | inputs up to that size are fitted whole; beyond it the fit costs the same at any size |
public struct FitSample: Sendable, Hashable {
    /// Inputs with at most this many documents are fitted whole; larger ones on this many.
    /// Default 20,000.
    public var limit: Int

    /// Creates a sample rule.
    /// - Precondition: `limit > 0`.
    public init(limit: Int = 20_000) {
        precondition(limit > 0, "a fit sample needs at least one document")
        self.limit = limit
    }

    /// The sorted indices of the documents to fit on, or `nil` when there are no more than
    /// ``limit`` of them (fit on all).
    ///
    /// Ties between equal keys (equal ids cannot occur in one run; different ids with the same
    /// key, about n²/2⁶⁵) go to the lower index.
    /// - Complexity: O(n log n) for n ids; memory O(n).
    public func indices(of ids: [String]) -> [Int]? {
        guard ids.count > limit else { return nil }
        var keyed = ids.enumerated().map { (key: Self.key(of: $0.element), index: $0.offset) }
        keyed.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return keyed.prefix(limit).map(\.index).sorted()
    }

    /// The key that decides whether a transcript is drawn: FNV-1a over the id's UTF-8 bytes,
    /// finished with the SplitMix64 mixer so that ids differing only in their last characters
    /// (`t0000041`, `t0000042`) spread uniformly over all 64 bits.
    public static func key(of id: String) -> UInt64 {
        var hash = Ingestor.fingerprint(id)   // FNV-1a, as the duplicate-id check takes it
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
