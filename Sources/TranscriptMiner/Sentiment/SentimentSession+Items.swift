extension SentimentBuffers {
    /// Fills ``items`` with the tokens and emoticons of `text` (whose UTF-8 is `bytes`), with
    /// their lexicon valences, clauses and sentences, then merges phrases. Returns the counts of
    /// "!" and "?".
    mutating func collect(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: AnalysisSession,
                          _ scorer: SentimentScorer) -> (exclamations: Int, questions: Int) {
        items.removeAll(keepingCapacity: true)
        emoticons.removeAll(keepingCapacity: true)
        var exclamations = 0, questions = 0
        for byte in bytes {
            if byte == UInt8(ascii: "!") { exclamations += 1 } else if byte == UInt8(ascii: "?") { questions += 1 }
        }
        let lexicon = scorer.lexicon
        let table = scorer.words
        if !lexicon.emoticons.isEmpty { findEmoticons(bytes, lexicon) }

        var clause = 0, sentence = 0
        var cursor = 0
        var nextEmoticon = 0
        func scanGap(upTo end: Int) {
            var newClause = false, newSentence = false
            var i = cursor
            while i < end {
                switch bytes[i] {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 0x0A: newSentence = true
                case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""): newClause = true
                default: break
                }
                i += 1
            }
            if newSentence { sentence += 1; clause += 1 } else if newClause { clause += 1 }
        }
        func appendEmoticon(_ index: Int) {
            let e = emoticons[index]
            if !items.isEmpty { scanGap(upTo: e.start) }
            var item = SentimentItem(text: e.text, start: e.start, end: e.end)
            item.base = e.valence
            item.clause = clause
            item.sentence = sentence
            items.append(item)
            cursor = e.end
        }
        tokens.forEachToken(in: text) { token in
            while nextEmoticon < emoticons.count && emoticons[nextEmoticon].end <= token.range.lowerBound {
                appendEmoticon(nextEmoticon)
                nextEmoticon += 1
            }
            if nextEmoticon < emoticons.count && token.range.lowerBound < emoticons[nextEmoticon].end
                && token.range.upperBound > emoticons[nextEmoticon].start { return }  // a letter of ":D", the 3 of "<3"
            if !items.isEmpty { scanGap(upTo: token.range.lowerBound) }
            cursor = token.range.upperBound
            var item = SentimentItem(text: token.text, start: token.range.lowerBound, end: token.range.upperBound)
            item.clause = clause
            item.sentence = sentence
            switch token.kind {
            case .word, .hashtag, .kana, .ideographic:
                item.isLexical = token.kind != .hashtag
                if token.kind == .word { markCapitals(&item, bytes) }
                lookUp(&item, table)
            case .number:
                // Only numbers with letters ("gr8", "2nite") can be words of feeling.
                if token.text.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
                    item.isLexical = true
                    lookUp(&item, table)
                }
            case .emoji:
                item.text = SentimentLexicon.emojiKey(token.text)
                item.base = table[item.text]?.valence ?? 0
            case .url, .email, .mention, .identifier, .placeholder, .phrase:
                break  // never sentiment: a handle like @united is not the word "united"
            }
            items.append(item)
        }
        while nextEmoticon < emoticons.count {
            appendEmoticon(nextEmoticon)
            nextEmoticon += 1
        }
        if !lexicon.phrases.isEmpty { mergePhrases(lexicon, table) }
        return (exclamations, questions)
    }

    /// The lexicon valence and rule roles of a word; elongated words ("sooo", "loooove") are
    /// tried with runs of 3 or more letters collapsed to 2, then to 1.
    private func lookUp(_ item: inout SentimentItem, _ table: [String: WordFacts]) {
        if assign(&item, item.text, table) { return }
        guard let collapsedTwice = Self.collapsingRuns(item.text, to: 2) else { return }
        for candidate in [collapsedTwice, Self.collapsingRuns(item.text, to: 1) ?? collapsedTwice] where assign(&item, candidate, table) {
            item.text = candidate
            item.emphasis = SentimentRules.elongationIncrement
            return
        }
    }

    /// Sets valence and roles from `key`; whether the word is known at all.
    private func assign(_ item: inout SentimentItem, _ key: String, _ table: [String: WordFacts]) -> Bool {
        if let facts = table[key] {
            item.base = facts.valence
            item.boost = facts.boost
            item.isNegator = facts.isNegator
            item.isPhraseHead = facts.isPhraseHead
            item.isAmplifierHead = facts.isAmplifierHead
            return true
        }
        if SentimentRules.isNegator(key) {
            item.isNegator = true
            return true
        }
        return false
    }

    /// `text` with every run of 3 or more equal characters cut to `length`, or `nil` when it has
    /// no such run.
    static func collapsingRuns(_ text: String, to length: Int) -> String? {
        var result = ""
        var previous: Character?
        var run = 0
        var hasLongRun = false
        for character in text {
            if character == previous { run += 1 } else { previous = character; run = 1 }
            if run >= 3 { hasLongRun = true }
            if run <= length { result.append(character) }
        }
        return hasLongRun ? result : nil
    }

    /// Marks a word written in capitals (two or more letters, none lower case).
    private func markCapitals(_ item: inout SentimentItem, _ bytes: UnsafeBufferPointer<UInt8>) {
        var upper = 0, lower = 0, ascii = true
        for i in item.start..<item.end {
            let b = bytes[i]
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { upper += 1 } else if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { lower += 1 } else if b >= 0x80 { ascii = false }
        }
        if !ascii {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[item.start..<item.end]), as: UTF8.self)
            upper = 0
            lower = 0
            for c in word where c.isCased {
                if c.isUppercase { upper += 1 } else if c.isLowercase { lower += 1 }
            }
        }
        item.isCased = upper + lower >= 2
        item.isAllCaps = upper >= 2 && lower == 0
    }

    /// Finds emoticons in the raw text: a whitespace-delimited chunk equal to an entry, or an
    /// entry followed by sentence punctuation (".", ",", "!", "?").
    private mutating func findEmoticons(_ bytes: UnsafeBufferPointer<UInt8>, _ lexicon: SentimentLexicon) {
        let limit = lexicon.maximumEmoticonLength
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
            let start = i
            var candidate = false
            while i < n && !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) {
                let b = bytes[i]
                if b >= 0x80 || (b < 0x30 && b > 0x20) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || b >= 0x7B { candidate = true }
                i += 1
            }
            guard candidate else { continue }
            var end = i
            while end > start {
                if end - start <= limit {
                    let chunk = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if let valence = lexicon.emoticons[chunk] {
                        emoticons.append((start, end, chunk, valence))
                        break
                    }
                }
                let last = bytes[end - 1]
                guard end - start > 2, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") else { break }
                end -= 1
            }
        }
    }

    /// Replaces each run of words that is a lexicon phrase (the longest from each start) by one
    /// item carrying the phrase's valence.
    private mutating func mergePhrases(_ lexicon: SentimentLexicon, _ table: [String: WordFacts]) {
        let n = items.count
        let longest = lexicon.maximumPhraseLength
        var write = 0
        var i = 0
        while i < n {
            var item = items[i]
            if item.isLexical && item.isPhraseHead {
                var key = item.text
                var best = -1
                var bestValence = 0.0
                var j = i + 1
                while j < n && j - i < longest && items[j].isLexical && items[j].clause == item.clause {
                    key += " "
                    key += items[j].text
                    if let valence = lexicon.phrases[key] {
                        best = j
                        bestValence = valence
                    }
                    j += 1
                }
                if best > 0 {
                    var caps = true
                    var cased = false
                    for k in i...best {
                        caps = caps && items[k].isAllCaps
                        cased = cased || items[k].isCased
                    }
                    item.text = items[i...best].map(\.text).joined(separator: " ")
                    item.end = items[best].end
                    item.base = bestValence
                    item.isNegator = false
                    item.isAmplifierHead = false
                    item.boost = 0
                    item.emphasis = 0
                    item.isAllCaps = caps
                    item.isCased = cased
                    items[write] = item
                    write += 1
                    i = best + 1
                    continue
                }
            }
            items[write] = item
            write += 1
            i += 1
        }
        items.removeLast(n - write)
    }
}
