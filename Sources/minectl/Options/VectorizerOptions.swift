import ArgumentParser
import Foundation
import TranscriptMiner

extension TFIDFOptions.DocumentFrequency: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension TFIDFOptions.Norm: ExpressibleByArgument {}

/// Which turns make a transcript's document.
enum DocumentRoles: String, ExpressibleByArgument, CaseIterable {
    case customer, all

    var roles: Set<Role> { self == .customer ? [.customer] : Set(Role.allCases) }
}

/// Flags that shape the documents and their TF-IDF vectors (shared by every command that
/// vectorizes). Defaults are scikit-learn's `TfidfVectorizer` defaults unless a command says
/// otherwise.
struct VectorizerOptions: ParsableArguments {
    @Option(help: "Ignore terms in fewer documents than this: a count (2) or a fraction (0.01).")
    var minDF: TFIDFOptions.DocumentFrequency = .count(1)

    @Option(help: "Ignore terms in more documents than this: a count (5000) or a fraction (0.5).")
    var maxDF: TFIDFOptions.DocumentFrequency = .fraction(1.0)

    @Option(help: "Keep only the N terms of highest corpus frequency.")
    var maxFeatures: Int?

    @Flag(help: "Use 1 + ln(tf) instead of the raw term frequency.")
    var sublinearTF = false

    @Flag(help: "idf = ln(n / df) + 1 instead of the smoothed ln((1 + n) / (1 + df)) + 1.")
    var noSmoothIDF = false

    @Flag(help: "Do not weight by inverse document frequency.")
    var noIDF = false

    @Option(help: "Row normalisation: l2, l1 or none.")
    var norm: TFIDFOptions.Norm = .l2

    @Option(help: "Term sizes: N for 1..N-word terms, or MIN-MAX (2-2: two-word phrases only).")
    var ngramRange: String = "1"

    @Flag(help: "Reduce words to their Snowball English (Porter2) stems.")
    var stem = false

    @Option(help: "A file of extra stopwords, one per line (# starts a comment).")
    var stopwords: String?

    @Option(help: "Whose turns make the document: customer, or all (agent macros repeated across transcripts are removed).")
    var role: DocumentRoles = .customer

    @Flag(help: "With --role all, keep agent lines repeated verbatim across many transcripts (macros, signatures).")
    var keepCanned = false

    /// The parsed `--ngram-range`.
    var parsedNGramRange: ClosedRange<Int>? {
        let parts = ngramRange.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        switch parts.count {
        case 1: if let n = parts[0], n >= 1 { return 1...n }
        case 2: if let low = parts[0], let high = parts[1], low >= 1, low <= high { return low...high }
        default: break
        }
        return nil
    }

    func validate() throws {
        guard let range = parsedNGramRange else { throw ValidationError("--ngram-range takes N or MIN-MAX with 1 ≤ MIN ≤ MAX (got \(ngramRange))") }
        guard range.upperBound <= 5 else { throw ValidationError("--ngram-range allows phrases of at most 5 words (got \(ngramRange))") }
        if let reason = tfidfOptions.invalidReason { throw ValidationError(reason) }
    }

    var tfidfOptions: TFIDFOptions {
        TFIDFOptions(minDF: minDF, maxDF: maxDF, maxFeatures: maxFeatures, sublinearTF: sublinearTF, smoothIDF: !noSmoothIDF,
                     useIDF: !noIDF, norm: norm, ngramRange: parsedNGramRange ?? 1...1)
    }

    var documentBuilder: ThemeDocumentBuilder {
        ThemeDocumentBuilder(roles: role.roles, cannedLines: keepCanned ? nil : CannedLineDetector())
    }

    /// The vectorizer; throws a message naming the stopword file when it cannot be read.
    func makeVectorizer() throws -> TFIDFVectorizer {
        var lists = [Stopwords.english, Stopwords.supportConversation]
        if let stopwords {
            do { lists.append(try StopwordList(contentsOf: URL(fileURLWithPath: stopwords))) } catch {
                Diagnostics.error("minectl: \(error)")
                throw ExitCodes.unreadableInput
            }
        }
        let options = tfidfOptions
        return TFIDFVectorizer(options: options, extractor: .standard(ngramRange: options.ngramRange, stems: stem, stopwordLists: lists))
    }
}
