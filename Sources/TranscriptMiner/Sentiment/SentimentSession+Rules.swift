extension SentimentBuffers {
    /// Turns the lexicon valences of ``items`` into rule-adjusted valences (the rules, in order,
    /// are listed on ``SentimentScorer``) and returns their totals. Words are compared by id
    /// (`rules`). Without a "but" the totals are added in the same pass as the rules (in item
    /// order, as ``sums()`` adds them); a "but" changes valences afterwards, so they are then
    /// added after it.
    mutating func applyRules(_ rules: SentimentWordTable.RuleWords, _ amplifiers: [[Int32]]) -> Sums {
        let n = items.count
        let buts = modifiers > 0 ? markModifiers(rules) : 0
        let amplified = amplifierHeads > 0
        if amplified { countAmplifiers(amplifiers) }
        var sums = Sums()
        items.withUnsafeMutableBufferPointer { items in
            // Mixed case: some words in capitals and some not.
            let mixedCase = capitalItems > 0 && capitalItems < casedItems
            amplifiersByClause.withUnsafeBufferPointer { amplifiersByClause in
                for i in 0..<n {
                    var v = items[i].base
                    guard v != 0 else {
                        items[i].valence = 0
                        sums.add(0)
                        continue
                    }
                    let clause = items[i].clause
                    if items[i].emphasis != 0 { v += v > 0 ? items[i].emphasis : -items[i].emphasis }
                    if mixedCase && items[i].isAllCaps { v += v > 0 ? SentimentRules.capitalsIncrement : -SentimentRules.capitalsIncrement }
                    for distance in 1...SentimentRules.negationScope {
                        let j = i - distance
                        guard j >= 0, items[j].clause == clause else { break }
                        let previous = items[j]
                        if previous.boost != 0 && previous.base == 0 {
                            var step = v < 0 ? -previous.boost : previous.boost
                            if mixedCase && previous.isAllCaps { step += v > 0 ? SentimentRules.capitalsIncrement : -SentimentRules.capitalsIncrement }
                            if distance == 2 { step *= 0.95 } else if distance == 3 { step *= 0.9 }
                            v += step
                        }
                        if previous.isNegator {
                            if previous.word == rules.never && distance >= 2
                                && (1..<distance).contains(where: { items[i - $0].word == rules.so || items[i - $0].word == rules.this }) {
                                v *= SentimentRules.neverSoScalar
                            } else if previous.word == rules.without && items[j + 1].word == rules.doubt {
                                // "without doubt good": an affirmation, not a negation.
                            } else {
                                v *= SentimentRules.negationScalar
                            }
                        }
                    }
                    // "least good" is negated; "at least good", "very least" are not.
                    if i > 0, items[i - 1].word == rules.least, items[i - 1].clause == clause {
                        if !(i > 1 && items[i - 2].clause == clause && (items[i - 2].word == rules.at || items[i - 2].word == rules.very)) {
                            v *= SentimentRules.negationScalar
                        }
                    }
                    if v < 0 && amplified {
                        let amplifiers = min(Int(amplifiersByClause[Int(clause)]), SentimentRules.maximumAmplifiers)
                        v -= Double(amplifiers) * SentimentRules.amplifierIncrement
                    }
                    items[i].valence = v
                    sums.add(v)
                }
            }
        }
        guard buts > 0 else { return sums }
        applyContrastiveBut(rules)
        return self.sums()
    }

    /// Booster words that have a valence of their own act as boosters before a sentiment word;
    /// "no" before a sentiment word is a negator only; "kind of", "sort of", "a bit", "a little",
    /// "a tad" are dampeners. Returns the number of "but"s (the contrastive rule is skipped when 0).
    /// Only items marked ``WordFacts/modifier`` start any of this (the caller skips the pass
    /// when there are none).
    private mutating func markModifiers(_ rules: SentimentWordTable.RuleWords) -> Int {
        items.withUnsafeMutableBufferPointer { items in
            let n = items.count
            var buts = 0
            var i = n - 1
            while i >= 0 {
                let next = i + 1 < n && items[i + 1].clause == items[i].clause ? i + 1 : -1
                let word = items[i].word
                if word == rules.but { buts &+= 1 }
                if next >= 0 {
                    let nextWord = items[next].word
                    if (word == rules.kind || word == rules.sort) && nextWord == rules.of {
                        items[i].base = 0
                        items[next].makeDampener()
                    } else if word == rules.a && (nextWord == rules.bit || nextWord == rules.tad || nextWord == rules.little) {
                        items[next].makeDampener()
                    }
                }
                if items[i].base != 0 && next >= 0 && (items[next].base != 0 || (items[next].boost != 0 && items[next].base == 0)) {
                    if items[i].boost != 0 || word == rules.no { items[i].base = 0 }
                }
                i -= 1
            }
            return buts
        }
    }

    /// Counts the frustration amplifiers of each clause into ``amplifiersByClause``.
    private mutating func countAmplifiers(_ amplifiers: [[Int32]]) {
        let clauses = Int(items.last?.clause ?? 0) + 1
        amplifiersByClause.removeAll(keepingCapacity: true)
        amplifiersByClause.append(contentsOf: repeatElement(0, count: clauses))
        let n = items.count
        for i in 0..<n where items[i].isAmplifierHead {
            for sequence in amplifiers where sequence[0] == items[i].word && i + sequence.count <= n {
                var matches = true
                for k in 1..<sequence.count where items[i + k].word != sequence[k] || items[i + k].clause != items[i].clause {
                    matches = false
                    break
                }
                if matches {
                    amplifiersByClause[Int(items[i].clause)] += 1
                    break
                }
            }
        }
    }

    /// In each sentence with a "but", valences before the first "but" × 0.5 and after it × 1.5.
    private mutating func applyContrastiveBut(_ rules: SentimentWordTable.RuleWords) {
        items.withUnsafeMutableBufferPointer { items in
            let n = items.count
            var start = 0
            while start < n {
                var end = start
                var but = -1
                while end < n && items[end].sentence == items[start].sentence {
                    if but < 0 && items[end].word == rules.but { but = end }
                    end += 1
                }
                if but >= 0 {
                    for k in start..<but { items[k].valence *= SentimentRules.butBefore }
                    for k in (but + 1)..<end { items[k].valence *= SentimentRules.butAfter }
                }
                start = end
            }
        }
    }
}
