// The working buffer and steps of the Snowball English (Porter2) stemmer, https://snowballstem.org.

private typealias Porter2 = EnglishStemmer.Porter2

extension Porter2 {
    /// The word being stemmed, as UTF-8 bytes, with the algorithm's region marks.
    ///
    /// Every suffix the algorithm handles is ASCII, so all edits are byte edits at the end of the
    /// word. Where the algorithm steps over "one letter" it steps over a whole UTF-8 sequence, so
    /// a non-ASCII character counts as one non-vowel, as in Snowball's UTF-8 runtime.
    struct Word {
        var bytes: [UInt8]
        /// Start of R1 (`p1`) and of R2 (`p2`). Later edits never move them, as in Snowball.
        var p1 = 0
        var p2 = 0
        /// Whether the prelude marked any `y` as a consonant `Y`.
        var yFound = false

        init(_ utf8: String.UTF8View) { bytes = Array(utf8) }

        /// Whether `byte` continues a multi-byte UTF-8 sequence rather than starting a character.
        static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        var string: String { String(decoding: bytes, as: UTF8.self) }

        /// The number of Unicode scalars (bytes that do not continue a UTF-8 sequence).
        var characterCount: Int { bytes.count(where: { !Self.isContinuation($0) }) }
    }
}

// MARK: - Helpers

private extension Porter2.Word {

    func ends(with suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { ends(with: $0) }
    }

    func ends(with suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        let offset = bytes.count - suffix.count
        guard offset >= 0 else { return false }
        for i in suffix.indices where bytes[offset + i] != suffix[i] { return false }
        return true
    }

    func ends(with suffix: [UInt8]) -> Bool {
        suffix.withUnsafeBufferPointer { ends(with: $0) }
    }

    func starts(with prefix: [UInt8]) -> Bool {
        guard prefix.count <= bytes.count else { return false }
        for i in prefix.indices where bytes[i] != prefix[i] { return false }
        return true
    }

    /// Where `suffix` starts, if the word ends with it.
    func suffixStart(_ suffix: StaticString) -> Int? {
        ends(with: suffix) ? bytes.count - suffix.utf8CodeUnitCount : nil
    }

    /// Whether the bytes before `end` are exactly `text`.
    func isExactly(_ text: StaticString, before end: Int) -> Bool {
        text.withUTF8Buffer { $0.count == end && $0.elementsEqual(bytes[..<end]) }
    }

    /// Whether the bytes before `end` end with `suffix`.
    func text(before end: Int, endsWith suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { $0.count <= end && $0.elementsEqual(bytes[(end - $0.count)..<end]) }
    }

    /// The longest rule of `table` whose suffix ends the word, with the suffix's start.
    func longestMatch(_ table: Porter2.SuffixTable) -> (rule: Porter2.SuffixRule, start: Int)? {
        guard let last = bytes.last else { return nil }
        for rule in table.rules(endingWith: last) where ends(with: rule.suffix) {
            return (rule, bytes.count - rule.suffix.count)
        }
        return nil
    }

    /// The start of the character that ends just before `end` (`end > 0`).
    func characterStart(before end: Int) -> Int {
        var i = end - 1
        while i > 0 && Self.isContinuation(bytes[i]) { i -= 1 }
        return i
    }

    /// The position just after the character that starts at `start`.
    func characterEnd(after start: Int) -> Int {
        var i = start + 1
        while i < bytes.count && Self.isContinuation(bytes[i]) { i += 1 }
        return i
    }

    func hasVowel(before end: Int) -> Bool {
        bytes[..<end].contains(where: Porter2.isVowel)
    }

    /// Whether the text before `end` ends in a short syllable: non-vowel, vowel, then a non-vowel
    /// other than `w`, `x`, `Y`; or a vowel at the start of the word then a non-vowel; or, as
    /// Snowball refines it for pasted/pasting, `past`.
    func endsInShortSyllable(at end: Int) -> Bool {
        guard end >= 2 else { return false }
        let last = characterStart(before: end)
        let vowel = last - 1
        if vowel >= 0, !Porter2.isVowel(bytes[last]), Porter2.isVowel(bytes[vowel]) {
            if vowel == 0 { return true }
            if !Porter2.isVowelOrWXY(bytes[last]), !Porter2.isVowel(bytes[vowel - 1]) {
                return true
            }
        }
        return text(before: end, endsWith: "past")
    }

    /// The position just after the first non-vowel that follows a vowel, searching from `start`.
    func endOfFirstVowelNonVowel(from start: Int) -> Int? {
        var i = start
        while i < bytes.count && !Porter2.isVowel(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        i += 1
        while i < bytes.count && Porter2.isVowel(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        return characterEnd(after: i)
    }

    /// Replaces everything from `start` to the end with `replacement`.
    mutating func replaceSuffix(from start: Int, with replacement: some Collection<UInt8>) {
        bytes.replaceSubrange(start..., with: replacement)
    }

    mutating func replaceSuffix(from start: Int, with replacement: StaticString) {
        replacement.withUTF8Buffer { replaceSuffix(from: start, with: $0) }
    }
}

// MARK: - Steps

extension Porter2.Word {
    /// Prelude: remove an initial apostrophe, then mark as `Y` an initial `y` and every `y`
    /// after a vowel, so that they count as consonants.
    mutating func prelude() {
        if bytes.first == UInt8(ascii: "'") { bytes.removeFirst() }
        for i in bytes.indices where bytes[i] == UInt8(ascii: "y") {
            if i == 0 || Porter2.isVowel(bytes[i - 1]) {
                bytes[i] = UInt8(ascii: "Y")
                yFound = true
            }
        }
    }

    /// Regions: R1 starts after the first non-vowel that follows a vowel (or after a fixed
    /// prefix such as `gener`, `commun`, `arsen`); R2 applies the same rule again inside R1.
    mutating func markRegions() {
        p1 = bytes.count
        p2 = bytes.count
        if let prefix = Porter2.fixedR1Prefixes.first(where: starts(with:)) {
            p1 = prefix.count
        } else if let end = endOfFirstVowelNonVowel(from: 0) {
            p1 = end
        } else {
            return
        }
        p2 = endOfFirstVowelNonVowel(from: p1) ?? bytes.count
    }

    /// Step 0: drop the longest of the suffixes `'s'`, `'s`, `'` (there's → there).
    mutating func step0() {
        if ends(with: "'s'") {
            bytes.removeLast(3)
        } else if ends(with: "'s") {
            bytes.removeLast(2)
        } else if ends(with: "'") {
            bytes.removeLast()
        }
    }

    /// Step 1a: `sses` → `ss`; `ied`/`ies` → `i`, or `ie` after a single letter (cries → cri,
    /// ties → tie); `s` deleted when a vowel occurs before the letter preceding it (gaps → gap,
    /// gas → gas); `us` and `ss` kept.
    mutating func step1a() {
        if let start = suffixStart("sses") {
            replaceSuffix(from: start, with: "ss")
        } else if let start = suffixStart("ied") ?? suffixStart("ies") {
            let hasTwoLetters = start > 0 && characterStart(before: start) > 0
            replaceSuffix(from: start, with: hasTwoLetters ? "i" : "ie")
        } else if ends(with: "us") || ends(with: "ss") {
            return
        } else if let start = suffixStart("s") {
            if start > 0 && hasVowel(before: characterStart(before: start)) {
                bytes.removeLast()
            }
        }
    }

    /// Step 1b: `eed`/`eedly` → `ee` in R1, except in proceed, exceed, succeed; `ed`, `edly`,
    /// `ing`, `ingly` deleted after a vowel, then tidied by ``finishStep1bDeletion()``.
    mutating func step1b() {
        if let start = suffixStart("eedly") ?? suffixStart("eed") {
            let isException = isExactly("proc", before: start) || isExactly("exc", before: start)
                || isExactly("succ", before: start)
            if !isException && p1 <= start { replaceSuffix(from: start, with: "ee") }
            return
        }
        let start: Int
        if let s = suffixStart("ingly") ?? suffixStart("edly") {
            start = s
        } else if let s = suffixStart("ing") {
            if handleSpecialIngForm(before: s) { return }
            start = s
        } else if let s = suffixStart("ed") {
            start = s
        } else {
            return
        }
        guard hasVowel(before: start) else { return }
        bytes.removeSubrange(start...)
        finishStep1bDeletion()
    }

    /// Step 1b's special `-ing` forms; returns whether the word was one. A non-vowel then `y`
    /// as the whole stem gives `-ie` (dying → die, lying → lie, vying → vie); inning, outing,
    /// canning, herring, earring and evening are kept.
    private mutating func handleSpecialIngForm(before start: Int) -> Bool {
        if start >= 2 && bytes[start - 1] == UInt8(ascii: "y")
            && characterStart(before: start - 1) == 0 && !Porter2.isVowel(bytes[0]) {
            replaceSuffix(from: start - 1, with: "ie")
            return true
        }
        return isExactly("inn", before: start) || isExactly("out", before: start)
            || isExactly("cann", before: start) || isExactly("herr", before: start)
            || isExactly("earr", before: start) || isExactly("even", before: start)
    }

    /// Step 1b, after a deletion: `at`, `bl`, `iz` gain an `e` (luxuriated → luxuriate); a double
    /// `bb dd ff gg mm nn pp rr tt` loses a letter (hopped → hop) unless the word is just `a`,
    /// `e` or `o` and the double (added → add); a short word gains an `e` (hoped → hope).
    private mutating func finishStep1bDeletion() {
        let n = bytes.count
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            bytes.append(UInt8(ascii: "e"))
        } else if n >= 2 && bytes[n - 1] == bytes[n - 2]
                    && Porter2.undoubled.contains(bytes[n - 1]) {
            if !(n == 3 && Porter2.aeo.contains(bytes[0])) { bytes.removeLast() }
        } else if p1 == n && endsInShortSyllable(at: n) {
            bytes.append(UInt8(ascii: "e"))
        }
    }

    /// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter becomes `i`
    /// (cry → cri, by → by, say → say).
    mutating func step1c() {
        let last = bytes.count - 1
        guard last >= 1, bytes[last] == UInt8(ascii: "y") || bytes[last] == UInt8(ascii: "Y")
        else { return }
        let before = characterStart(before: last)
        if before > 0 && !Porter2.isVowel(bytes[before]) {
            bytes[last] = UInt8(ascii: "i")
        }
    }

    /// Applies the longest rule of `rules` that ends the word, if it starts at or after
    /// `regionStart`; a longest match outside the region blocks shorter ones.
    private mutating func applyLongestRule(
        of rules: Porter2.SuffixTable, inRegionFrom regionStart: Int
    ) {
        guard let (rule, start) = longestMatch(rules), regionStart <= start else { return }
        switch rule.action {
        case .replace(let replacement):
            replaceSuffix(from: start, with: replacement)
        case .replaceIfPreceded(let letters, let replacement):
            if start > 0 && letters.contains(bytes[start - 1]) {
                replaceSuffix(from: start, with: replacement)
            }
        case .deleteInR2:
            if p2 <= start { bytes.removeSubrange(start...) }
        }
    }

    /// Step 2: derivational suffixes in R1 (`-ational` → `-ate`, `-fulness` → `-ful`, `-li`
    /// deleted after c d e g h k m n r t, …).
    mutating func step2() { applyLongestRule(of: Porter2.step2Rules, inRegionFrom: p1) }

    /// Step 3: more derivational suffixes in R1 (`-icate` → `-ic`, `-ness` deleted, …).
    mutating func step3() { applyLongestRule(of: Porter2.step3Rules, inRegionFrom: p1) }

    /// Step 4: suffixes deleted in R2 (`-ance`, `-ement`, `-ion` after `s` or `t`, …).
    mutating func step4() { applyLongestRule(of: Porter2.step4Rules, inRegionFrom: p2) }

    /// Step 5: delete a final `e` in R2, or in R1 when not after a short syllable; delete a
    /// final `l` in R2 after another `l`.
    mutating func step5() {
        let start = bytes.count - 1
        guard start >= 0 else { return }
        switch bytes[start] {
        case UInt8(ascii: "e"):
            if p2 <= start || (p1 <= start && !endsInShortSyllable(at: start)) {
                bytes.removeLast()
            }
        case UInt8(ascii: "l"):
            if p2 <= start && start > 0 && bytes[start - 1] == UInt8(ascii: "l") {
                bytes.removeLast()
            }
        default:
            break
        }
    }

    /// Postlude: turn the consonant marks `Y` back into `y`.
    mutating func postlude() {
        guard yFound else { return }
        for i in bytes.indices where bytes[i] == UInt8(ascii: "Y") {
            bytes[i] = UInt8(ascii: "y")
        }
    }
}
