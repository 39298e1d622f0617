import Testing
import TestSupport
@testable import TranscriptMiner

/// The seeded leak test: plant personal data of every kind in realistic support sentences, next
/// to ordinary numbers, and measure what survives redaction (leaks) and what is redacted that
/// should not be (false positives).
@Suite("Redaction: seeded leak and false-positive measurement")
struct RedactionLeakTests {
    /// What one corpus run measured.
    struct Measurement: CustomStringConvertible {
        var planted = 0
        var leaks: [String] = []
        var plantedByKind: [String: Int] = [:]
        var coveredByKind: [String: Int] = [:]      // covered by any redaction
        var labelledByKind: [String: Int] = [:]     // covered by a redaction of its own kind
        var ordinary = 0
        var falsePositives: [String] = []
        var ordinaryByCategory: [String: Int] = [:]
        var falsePositivesByCategory: [String: Int] = [:]
        var mislabelled: [String] = []
        var violations: [String] = []
        var notIdempotent: [String] = []

        var falsePositiveRate: Double { ordinary == 0 ? 0 : Double(falsePositives.count) / Double(ordinary) }

        var description: String {
            func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "-" : String(Double(a * 10_000 / b) / 100) + "%" }
            var lines = [
                "planted \(planted), leaks \(leaks.count)",
                "ordinary numbers \(ordinary), false positives \(falsePositives.count) (\(pct(falsePositives.count, ordinary)))",
            ]
            for kind in PIICorpus.plantedCategories {
                let n = plantedByKind[kind, default: 0]
                lines.append("  \(kind): \(n) planted, recall \(pct(coveredByKind[kind, default: 0], n)), labelled \(kind) \(pct(labelledByKind[kind, default: 0], n))")
            }
            for (category, n) in ordinaryByCategory.sorted(by: { $0.key < $1.key }) {
                lines.append("  ordinary \(category): \(falsePositivesByCategory[category, default: 0]) / \(n) redacted")
            }
            lines += falsePositives.prefix(5).map { "  false positive: \($0)" }
            lines += mislabelled.prefix(5).map { "  other label: \($0)" }
            return lines.joined(separator: "\n")
        }
    }

    static func measure(_ corpus: PIICorpus, _ redactor: Redactor = Redactor()) -> Measurement {
        var m = Measurement()
        for sentence in corpus.sentences {
            let result = redactor.redact(sentence.text)
            let ranges = result.redactions.map(\.originalRange)
            if let problem = RedactionProbe.violation(result, original: sentence.text) {
                m.violations.append("\(problem): \(sentence.text)")
            }
            if redactor.redact(result.text).text != result.text { m.notIdempotent.append(sentence.text) }
            let outputDigits = String(result.text.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }.map(Character.init))
            let outputAlnum = String(result.text.uppercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic || $0.isASCII && $0.properties.numericType != nil }.map(Character.init))
            for span in sentence.planted {
                m.planted += 1
                m.plantedByKind[span.category, default: 0] += 1
                let covered = Self.isCovered(span.range, by: ranges)
                let labelled = result.redactions.contains { $0.kind.rawValue == span.category && $0.originalRange.lowerBound <= span.range.lowerBound && span.range.upperBound <= $0.originalRange.upperBound }
                if covered { m.coveredByKind[span.category, default: 0] += 1 }
                if labelled { m.labelledByKind[span.category, default: 0] += 1 }
                if covered && !labelled { m.mislabelled.append("[\(span.category)] \(span.value) in: \(sentence.text) → \(result.text)") }
                var leaked = !covered || result.text.contains(span.value)
                switch span.category {
                case "phone", "card", "ssn":
                    let digits = String(span.value.filter(\.isASCII).filter(\.isNumber))
                    if outputDigits.contains(digits) { leaked = true }
                case "iban":
                    let alnum = String(span.value.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
                    if outputAlnum.contains(alnum) { leaked = true }
                default:
                    break
                }
                if leaked { m.leaks.append("[\(span.category)] \(span.value) in: \(sentence.text) → \(result.text)") }
            }
            for span in sentence.ordinary {
                m.ordinary += 1
                m.ordinaryByCategory[span.category, default: 0] += 1
                if ranges.contains(where: { $0.overlaps(span.range) }) {
                    m.falsePositives.append("[\(span.category)] \(span.value) in: \(sentence.text) → \(result.text)")
                    m.falsePositivesByCategory[span.category, default: 0] += 1
                }
            }
        }
        return m
    }

    /// Whether the union of `ranges` (sorted, disjoint) covers `range`.
    static func isCovered(_ range: Range<Int>, by ranges: [Range<Int>]) -> Bool {
        var position = range.lowerBound
        for r in ranges where r.lowerBound <= position && r.upperBound > position {
            position = r.upperBound
            if position >= range.upperBound { return true }
        }
        return position >= range.upperBound
    }

    @Test("3,000 sentences, seed 0x5EED: zero leaks, under 1% false positives")
    func seededCorpus() {
        let corpus = PIICorpus(seed: 0x5EED, count: 3_000)
        let m = Self.measure(corpus)
        print("Redaction leak test (seed 0x5EED, \(corpus.sentences.count) sentences)\n\(m)")
        #expect(m.planted >= 3_000)
        #expect(m.leaks.isEmpty, Comment(rawValue: "\(m.leaks.count) leaks, first: \(m.leaks.prefix(10).joined(separator: "\n"))"))
        #expect(m.falsePositiveRate < 0.01, Comment(rawValue: "\(m)\nfirst: \(m.falsePositives.prefix(10).joined(separator: "\n"))"))
        #expect(m.violations.isEmpty, Comment(rawValue: m.violations.prefix(5).joined(separator: "\n")))
        #expect(m.notIdempotent.isEmpty, Comment(rawValue: m.notIdempotent.prefix(5).joined(separator: "\n")))
        for kind in PIICorpus.plantedCategories {
            #expect(m.plantedByKind[kind, default: 0] >= 300, "kind \(kind) under-represented")
        }
    }

    @Test("seed sweep: zero leaks and under 1% false positives for every seed", arguments: [1, 2, 3, 4] as [UInt64])
    func seedSweep(seed: UInt64) {
        let m = Self.measure(PIICorpus(seed: seed, count: 600))
        #expect(m.leaks.isEmpty, "seed \(seed): \(m.leaks.count) leaks, first: \(m.leaks.first ?? "")")
        #expect(m.falsePositiveRate < 0.01, "seed \(seed): false positives \(m.falsePositives.count)/\(m.ordinary), first: \(m.falsePositives.first ?? "")")
        #expect(m.violations.isEmpty && m.notIdempotent.isEmpty, "seed \(seed): \(m.violations.first ?? m.notIdempotent.first ?? "")")
    }

    @Test("the corpus is deterministic")
    func deterministic() {
        #expect(PIICorpus(seed: 9, count: 50).sentences == PIICorpus(seed: 9, count: 50).sentences)
        #expect(PIICorpus(seed: 9, count: 50).sentences != PIICorpus(seed: 10, count: 50).sentences)
    }
}
