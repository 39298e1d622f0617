import Tokenizer

extension SentimentBuffers {
    /// Empties the items and, with `findsEmoticons`, finds the emoticons of a new text (the ASCII
    /// path finds them during its scan instead).
    @inline(__always)
    private mutating func begin(_ bytes: UnsafeBufferPointer<UInt8>, _ table: SentimentWordTable.View, findsEmoticons: Bool) {
        items.removeAll(keepingCapacity: true)
        if !emoticons.isEmpty { emoticons.removeAll(keepingCapacity: true) }
        cursor = 0
        clause = 0
        sentence = 0
        nextEmoticon = 0
        firstPhrasePair = -1
        amplifierHeads = 0
        modifiers = 0
        casedItems = 0
        capitalItems = 0
        if findsEmoticons && table.hasEmoticons && !bytes.isEmpty { findEmoticons(bytes, table) }
        // Room for a lower-cased word and its two collapsed forms.
        if scratchCapacity < 2 * bytes.count + 16 {
            scratch.deallocate()
            scratchCapacity = 2 * bytes.count + 64
            scratch = .allocate(capacity: scratchCapacity)
            scratch.initialize(repeating: 0, count: scratchCapacity)
        }
    }

    /// Appends the emoticons that end before `start`; whether a token at `start..<end` is kept
    /// (not a letter of ":D", the 3 of "<3"); then moves the clause and sentence counts over the
    /// punctuation between the last item and `start`.
    @inline(__always)
    private mutating func enter(_ start: Int, _ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if nextEmoticon < emoticons.count {
            while nextEmoticon < emoticons.count && emoticons[nextEmoticon].end <= start {
                appendEmoticon(nextEmoticon, bytes)
                nextEmoticon += 1
            }
            if nextEmoticon < emoticons.count && start < emoticons[nextEmoticon].end && end > emoticons[nextEmoticon].start { return false }
        }
        if !items.isEmpty { scanGap(upTo: start, bytes) }
        cursor = end
        return true
    }

    /// Counts a new clause or sentence when the bytes from ``cursor`` to `end` hold clause or
    /// sentence punctuation.
    @inline(__always)
    private mutating func scanGap(upTo end: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        var newClause = false, newSentence = false
        var i = cursor
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 0x0A: newSentence = true
            case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""): newClause = true
            default: break
            }
            i &+= 1
        }
        if newSentence { sentence += 1; clause += 1 } else if newClause { clause += 1 }
    }

    private mutating func appendEmoticon(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        let e = emoticons[index]
        if !items.isEmpty { scanGap(upTo: e.start, bytes) }
        var item = SentimentItem(clause: clause, sentence: sentence)
        item.base = e.valence
        items.append(item)  // no flags: nothing for push(_:_:) to note
        cursor = e.end
    }

    /// Appends `item` and notes what lets later passes be skipped (``firstPhrasePair``,
    /// ``amplifierHeads``, ``modifiers``, ``casedItems``, ``capitalItems``).
    /// - Complexity: O(1): a look at the previous item, and a bit of the phrase-pair set when
    ///   that item is a phrase head.
    @inline(__always)
    private mutating func push(_ item: SentimentItem, _ table: SentimentWordTable.View) {
        let flags = item.flags
        let head = SentimentItem.lexical | SentimentItem.phraseHead
        if flags & SentimentItem.lexical != 0 && firstPhrasePair < 0 && item.word >= 0, let previous = items.last,
           previous.flags & head == head && previous.clause == item.clause && table.mayBeginPhrase(previous.word, item.word) {
            firstPhrasePair = items.count &- 1
        }
        if flags & SentimentItem.amplifierHead != 0 { amplifierHeads &+= 1 }
        if flags & SentimentItem.modifier != 0 { modifiers &+= 1 }
        if flags & SentimentItem.cased != 0 {
            casedItems &+= 1
            if flags & SentimentItem.allCaps != 0 { capitalItems &+= 1 }
        }
        items.append(item)
    }

    /// Appends the emoticons after the last token.
    private mutating func finish(_ bytes: UnsafeBufferPointer<UInt8>) {
        while nextEmoticon < emoticons.count {
            appendEmoticon(nextEmoticon, bytes)
            nextEmoticon += 1
        }
    }

    /// Fills ``items`` from `bytes` in one pass when the ASCII fast path takes them
    /// (``SentimentASCIIPath/scan(_:chunk:token:)``: acceptance, emoticon chunks and words
    /// together) and returns the numbers of "!" and "?"; `nil` when it does not (``items`` is
    /// then to be refilled by ``collectChain(_:_:_:_:)``).
    /// - Complexity: O(n) for n bytes, plus one table lookup per word.
    mutating func collectASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ table: SentimentWordTable.View)
        -> (exclamations: Int, questions: Int)? {
        begin(bytes, table, findsEmoticons: false)
        guard let counts = scanASCII(bytes, table) else { return nil }
        finish(bytes)
        return counts
    }

    /// The scan of ``collectASCII(_:_:)``, in a function of its own: the scan and its closures
    /// are inlined into it (the compiler stops inlining them into a larger caller).
    @inline(never)
    private mutating func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ table: SentimentWordTable.View)
        -> (exclamations: Int, questions: Int)? {
        let findsEmoticons = table.hasEmoticons
        let lower = scratch
        let base = bytes.baseAddress
        let n = bytes.count
        return SentimentASCIIPath.scan(bytes, chunk: { start in
            if findsEmoticons && table.mayStartEmoticon(base!, at: start, count: n) { _ = emoticonChunk(from: start, bytes, table) }
        }, token: { start, end, isNumber in
            guard enter(start, end, bytes) else { return }
            var item = SentimentItem(clause: clause, sentence: sentence)
            if !isNumber {
                let count = end &- start
                if count <= 8 && start &+ 8 <= n {
                    // Eight bytes at once: the word's bytes are letters and apostrophes, so
                    // setting bit 5 of each lower-cases it (the chain's folding of ASCII).
                    let mask: UInt64 = count == 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: 8 &* count)) &- 1
                    let word = UnsafeRawPointer(base! + start).loadUnaligned(as: UInt64.self) & mask
                    let cases = Self.letterCases(word)
                    // At least two set bits: x & (x − 1) ≠ 0 (no population count needed).
                    let cased = cases.upper | cases.lower
                    item.flags = (cased & (cased &- 1) != 0 ? SentimentItem.cased : 0)
                        | (cases.upper & (cases.upper &- 1) != 0 && cases.lower == 0 ? SentimentItem.allCaps : 0)
                    UnsafeMutableRawPointer(lower).storeBytes(of: word | (0x2020_2020_2020_2020 & mask), as: UInt64.self)
                } else {
                    // Lower case and the capitals test in one pass.
                    var upper = 0, lowerCount = 0
                    var k = 0
                    for i in start..<end {
                        let b = bytes[i]
                        if b &- 65 < 26 {
                            upper &+= 1
                            lower[k] = b | 0x20
                        } else {
                            if b &- 97 < 26 { lowerCount &+= 1 }
                            lower[k] = b
                        }
                        k &+= 1
                    }
                    item.flags = (upper + lowerCount >= 2 ? SentimentItem.cased : 0)
                        | (upper >= 2 && lowerCount == 0 ? SentimentItem.allCaps : 0)
                }
                item.flags |= SentimentItem.lexical
                Self.lookUp(&item, UnsafeBufferPointer(start: lower, count: count), text: nil, table, scratch: lower + count)
            }
            push(item, table)
        })
    }

    /// The upper-case and the lower-case ASCII letters among the eight bytes of `word` (all
    /// below 0x80; zero bytes count as neither), as masks with the top bit of each such byte set:
    /// per byte, adding 0x80 − lo sets the top bit exactly when the byte is ≥ lo, with no carry
    /// into the next byte.
    @inline(__always)
    static func letterCases(_ word: UInt64) -> (upper: UInt64, lower: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let top: UInt64 = 0x8080_8080_8080_8080
        let upper = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & top  // 0x41 ... 0x5A
        let lower = (word &+ ones &* 0x1F) & ~(word &+ ones &* 0x05) & top  // 0x61 ... 0x7A
        return (upper, lower)
    }

    /// Fills ``items`` with the tokens of the analysis chain and the emoticons of `text`.
    mutating func collectChain(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: AnalysisSession,
                               _ table: SentimentWordTable.View) {
        begin(bytes, table, findsEmoticons: true)
        let spare = scratch
        tokens.forEachToken(in: text) { token in
            pushChainToken(token, bytes, table, spare)
        }
        finish(bytes)
    }

    private mutating func pushChainToken(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ table: SentimentWordTable.View,
                                         _ scratch: UnsafeMutablePointer<UInt8>) {
        let start = token.range.lowerBound, end = token.range.upperBound
        guard enter(start, end, bytes) else { return }
        var item = SentimentItem(clause: clause, sentence: sentence)
        var text = token.text
        switch token.kind {
        case .word, .hashtag, .kana, .ideographic:
            item.isLexical = token.kind != .hashtag
            if token.kind == .word { markCapitals(&item, start, end, bytes) }
            text.withUTF8 { Self.lookUp(&item, $0, text: token.text, table, scratch: scratch) }
        case .number:
            // Only numbers with letters ("gr8", "2nite") can be words of feeling.
            if text.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
                item.isLexical = true
                text.withUTF8 { Self.lookUp(&item, $0, text: token.text, table, scratch: scratch) }
            }
        case .emoji:
            var key = SentimentLexicon.emojiKey(text)
            let id = key.withUTF8 { table.words.index(of: $0) }
            if id >= 0 { item.base = table.facts(id).valence }
        case .url, .email, .mention, .identifier, .placeholder, .phrase:
            break  // never sentiment: a handle like @united is not the word "united"
        }
        push(item, table)
    }

    /// The lexicon valence and rule roles of a word whose normalised bytes are `key`; elongated
    /// words ("sooo", "loooove") are tried with runs of 3 or more letters collapsed to 2, then
    /// to 1 (``lookUpCollapsed(_:_:text:_:scratch:)``, out of line: rare). `text` is the word as a
    /// `String` when it may be non-ASCII (runs are then runs of characters), `nil` for the ASCII
    /// path, whose key is in the scratch buffer with slack after it and whose facts come with
    /// the word's slot; `scratch` has room for `2 × key.count` bytes.
    /// - Complexity: one table lookup, and a test for runs (one load for the ASCII path's keys
    ///   of up to 8 bytes), unless the word is elongated.
    @inline(__always)
    static func lookUp(_ item: inout SentimentItem, _ key: UnsafeBufferPointer<UInt8>, text: String?,
                       _ table: SentimentWordTable.View, scratch: UnsafeMutablePointer<UInt8>) {
        if text == nil {
            let entry = table.words.entry(ofPadded: key.baseAddress!, count: key.count)
            let facts = WordFacts(payload: entry.payload)
            setWord(&item, entry.index, facts)
            if assign(&item, entry.index, facts, key) { return }
            guard key.count <= 8 ? hasLongRun(padded: key.baseAddress!, count: key.count) : hasLongRun(key) else { return }
        } else {
            let id = table.words.index(of: key)
            let facts = table.facts(id)
            setWord(&item, id, facts)
            if assign(&item, id, facts, key) { return }
            guard hasLongRun(key) else { return }
        }
        lookUpCollapsed(&item, key, text: text, table, scratch: scratch)
    }

    /// The rest of ``lookUp(_:_:text:_:scratch:)`` for a key with a run of 3 or more equal
    /// bytes that is not a word the rules know as it is: its collapsed forms.
    @inline(never)
    static func lookUpCollapsed(_ item: inout SentimentItem, _ key: UnsafeBufferPointer<UInt8>, text: String?,
                                _ table: SentimentWordTable.View, scratch: UnsafeMutablePointer<UInt8>) {
        var ascii = true
        for b in key where b >= 0x80 {
            ascii = false
            break
        }
        if ascii || text == nil {
            var length = 2
            while length >= 1 {
                defer { length -= 1 }
                let count = collapse(key, to: length, into: scratch)
                let candidate = UnsafeBufferPointer(start: UnsafePointer(scratch), count: count)
                let entry = table.words.entry(ofPadded: scratch, count: count)
                let facts = WordFacts(payload: entry.payload)
                if assign(&item, entry.index, facts, candidate) {
                    setWord(&item, entry.index, facts)
                    item.flags |= SentimentItem.elongated
                    return
                }
            }
        } else if let text, let twice = collapsingRuns(text, to: 2) {
            for var candidate in [twice, collapsingRuns(text, to: 1) ?? twice] {
                let done = candidate.withUTF8 { candidate -> Bool in
                    let candidateID = table.words.index(of: candidate)
                    let facts = table.facts(candidateID)
                    guard assign(&item, candidateID, facts, candidate) else { return false }
                    setWord(&item, candidateID, facts)
                    return true
                }
                if done {
                    item.flags |= SentimentItem.elongated
                    return
                }
            }
        }
    }

    /// Makes `id` (whose facts are `facts`) the item's word, and marks the item when its word
    /// is one the modifier pass acts on. (An earlier word's mark stays: a mark too many only
    /// means the pass runs.)
    @inline(__always)
    static func setWord(_ item: inout SentimentItem, _ id: Int32, _ facts: WordFacts) {
        item.word = id
        item.flags |= UInt16(facts.flags) & SentimentItem.modifier
    }

    /// Sets valence and roles from the word `id` (−1: not in the table) whose facts are `facts`
    /// (empty when −1) and bytes are `key`; whether the word is known at all (an entry, or a
    /// negator by rule).
    @inline(__always)
    static func assign(_ item: inout SentimentItem, _ id: Int32, _ facts: WordFacts, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if id >= 0 {
            if facts.has(WordFacts.entry) {
                item.base = facts.valence
                // Negator, phrase head, amplifier head, booster, dampener: the same bits.
                item.flags = item.flags & ~SentimentItem.roles | UInt16(facts.flags) & SentimentItem.roles
                return true
            }
            if facts.has(WordFacts.ruleNegator) {
                item.isNegator = true
                return true
            }
            return false
        }
        if endsInNT(key) {
            item.isNegator = true
            return true
        }
        return false
    }

    /// Whether `key` is a negator by rule: more than 3 bytes, ending in "n't" (as
    /// ``SentimentRules/isNegator(_:)`` on the text, which compares characters: for a key whose
    /// "n" is preceded by a non-ASCII byte the `String` decides).
    @inline(__always)
    static func endsInNT(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = key.count
        guard n > 3, key[n - 3] == UInt8(ascii: "n"), key[n - 2] == UInt8(ascii: "'"), key[n - 1] == UInt8(ascii: "t") else { return false }
        if key[n - 4] < 0x80 { return true }
        return SentimentRules.isNegator(String(decoding: key, as: UTF8.self))
    }

    /// Whether `key` has a run of 3 or more equal bytes.
    @inline(__always)
    static func hasLongRun(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 2
        while i < key.count {
            if key[i] == key[i - 1] && key[i] == key[i - 2] { return true }
            i &+= 1
        }
        return false
    }

    /// ``hasLongRun(_:)`` for the `count` ≤ 8 bytes at `key`, which are followed by enough
    /// readable bytes to load 8: per byte, `x` is the byte xor the one before it, and a run of
    /// 3 is two neighbouring bytes of `x` (from the second on) that are zero.
    /// - Complexity: O(1).
    @inline(__always)
    static func hasLongRun(padded key: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count >= 3 else { return false }
        let mask: UInt64 = count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: 8 &* count)) &- 1
        let word = UnsafeRawPointer(key).loadUnaligned(as: UInt64.self) & mask
        let x = word ^ (word &<< 8)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // The top bit of each byte of x that is zero (exact: no carries between bytes).
        let zero = ~(((x & low) &+ low) | x | low)
        let equal = zero & mask & ~0xFF  // key[i] == key[i − 1], for 1 ≤ i < count
        return equal & (equal &<< 8) != 0
    }

    /// Writes `key` with every run of 3 or more equal bytes cut to `length` into `output`;
    /// returns the number of bytes written. For ASCII, where bytes are characters.
    @inline(__always)
    static func collapse(_ key: UnsafeBufferPointer<UInt8>, to length: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        var run = 0
        var previous: UInt8 = 0
        for (i, b) in key.enumerated() {
            if i > 0 && b == previous { run += 1 } else { previous = b; run = 1 }
            if run <= length {
                output[count] = b
                count += 1
            }
        }
        return count
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
    private func markCapitals(_ item: inout SentimentItem, _ start: Int, _ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        var upper = 0, lower = 0, ascii = true
        for i in start..<end {
            let b = bytes[i]
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { upper += 1 } else if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { lower += 1 } else if b >= 0x80 { ascii = false }
        }
        if !ascii {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
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
    private mutating func findEmoticons(_ bytes: UnsafeBufferPointer<UInt8>, _ table: SentimentWordTable.View) {
        guard let base = bytes.baseAddress else { return }
        var i = 0
        let n = bytes.count
        var afterSpace = true
        while i < n {
            // A chunk starts after whitespace (or at the start); stripping punctuation only moves
            // its end, so its first two bytes decide for every try.
            let b = base[i]
            if afterSpace && !Self.isSpace(b) && table.mayStartEmoticon(base, at: i, count: n) {
                i = emoticonChunk(from: i, bytes, table)
                continue
            }
            afterSpace = Self.isSpace(b)
            i &+= 1
        }
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Tries the chunk starting at `start` (its first two bytes may begin an emoticon) and
    /// its prefixes without trailing sentence punctuation; returns the chunk's end.
    private mutating func emoticonChunk(from start: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ table: SentimentWordTable.View) -> Int {
        let base = bytes.baseAddress!
        let n = bytes.count
        var i = start
        var candidate = false
        while i < n && !Self.isSpace(base[i]) {
            let b = base[i]
            if b >= 0x80 || (b < 0x30 && b > 0x20) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || b >= 0x7B { candidate = true }
            i &+= 1
        }
        guard candidate else { return i }
        var end = i
        while end > start {
            if end - start <= table.maximumEmoticonLength && table.emoticonLastBytes.contains(base[end - 1]) {
                let index = table.emoticons.index(of: base + start, count: end - start)
                if index >= 0 {
                    emoticons.append((start, end, table.emoticonValences[Int(index)]))
                    break
                }
            }
            let last = base[end - 1]
            guard end - start > 2, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") else { break }
            end -= 1
        }
        return i
    }

    /// Replaces each run of words that is a lexicon phrase (the longest from each start) by one
    /// item carrying the phrase's valence. Phrases are probed by the ids of their words: a word
    /// without an id is in no phrase. Starts at ``firstPhrasePair`` (≥ 0: the caller skips the
    /// pass when no head is followed by a word a phrase may continue it with); recounts
    /// ``casedItems`` and ``capitalItems`` when a phrase merged.
    mutating func mergePhrases(_ table: SentimentWordTable.View) {
        precondition(firstPhrasePair >= 0, "no phrase to merge")
        let n = items.count
        let longest = table.maximumPhraseLength
        let kept = withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, longest)) { ids in
            let ids = ids.baseAddress!
            return items.withUnsafeMutableBufferPointer { items -> Int in
                // Items before the first head that may begin a phrase stay where they are.
                var write = firstPhrasePair
                var i = write
                while i < n {
                    // Only heads are read whole; other items are moved once a phrase has merged.
                    if items[i].isLexical && items[i].isPhraseHead {
                        var item = items[i]
                        ids[0] = item.word
                        var length = 1
                        var best = -1
                        var bestValence = 0.0
                        var j = i + 1
                        while j < n && j - i < longest && items[j].isLexical && items[j].clause == item.clause {
                            let word = items[j].word
                            if word < 0 { break }
                            ids[length] = word
                            length += 1
                            // Most heads are followed by a word no phrase continues with.
                            if length == 2 && !table.mayBeginPhrase(ids[0], word) { break }
                            let valence = table.phraseValence(ids, count: length)
                            if valence == nil { break }  // no phrase starts with these words
                            if !valence!.isNaN {  // NaN: a beginning of phrases, not a phrase
                                best = j
                                bestValence = valence!
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
                            // A lexical phrase head still; no word id, roles, step or emphasis.
                            item.word = -1
                            item.base = bestValence
                            item.flags = SentimentItem.lexical | SentimentItem.phraseHead
                                | (caps ? SentimentItem.allCaps : 0) | (cased ? SentimentItem.cased : 0)
                            items[write] = item
                            write += 1
                            i = best + 1
                            continue
                        }
                    }
                    if write != i { items[write] = items[i] }
                    write += 1
                    i += 1
                }
                return write
            }
        }
        guard kept < n else { return }
        items.removeLast(n - kept)
        // A phrase is cased when one of its words is, in capitals when all are.
        casedItems = 0
        capitalItems = 0
        items.withUnsafeBufferPointer { items in
            for item in items where item.isCased {
                casedItems &+= 1
                if item.isAllCaps { capitalItems &+= 1 }
            }
        }
    }
}
