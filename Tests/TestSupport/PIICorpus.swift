/// A seeded corpus of customer-support sentences with planted personal data and ordinary
/// numbers, for measuring a redactor's leaks (recall) and false positives.
///
/// ```swift
/// let corpus = PIICorpus(seed: 42, count: 2_000)
/// for sentence in corpus.sentences {
///     // sentence.planted: values that must disappear (category "email", "phone", …)
///     // sentence.ordinary: numbers that should stay ("date", "amount", "orderId", …)
/// }
/// ```
///
/// The same seed gives the same corpus. Planted categories are the raw values of the
/// redactor's kinds: `email`, `phone`, `card`, `iban`, `ipAddress`, `url`, `ssn`. Card numbers
/// are Luhn-valid with real issuer prefixes, IBANs carry valid mod-97 check digits, SSNs are in
/// issued ranges; tracking numbers among the ordinary ones are made to fail Luhn.
///
/// Plain-digit phone numbers (`5551234567`) are only planted after a phone word ("call me on …"),
/// and plain nine-digit SSNs only after "SSN": without such a word they cannot be told from an
/// order number, and the corpus measures the redactor on what a reader could tell apart.
/// - Complexity: O(count) sentences of bounded length.
public struct PIICorpus: Sendable {
    /// A planted value or an ordinary number, and where it is in its sentence (UTF-8 offsets).
    public struct Span: Sendable, Hashable {
        /// `email`, `phone`, … for planted data; `orderId`, `amount`, `date`, … for ordinary numbers.
        public var category: String
        /// The text as written.
        public var value: String
        /// UTF-8 offsets in the sentence.
        public var range: Range<Int>
    }

    /// One sentence and what it holds.
    public struct Sentence: Sendable, Hashable {
        /// The text.
        public var text: String
        /// Personal data that must not survive redaction.
        public var planted: [Span]
        /// Ordinary numbers that should survive.
        public var ordinary: [Span]
    }

    /// The planted categories, in a fixed order.
    public static let plantedCategories = ["email", "phone", "card", "iban", "ipAddress", "url", "ssn"]

    /// The sentences.
    public let sentences: [Sentence]

    /// Generates `count` sentences from `seed`.
    public init(seed: UInt64, count: Int) {
        var rng = SplitMix64(seed: seed)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(count)
        for index in 0..<count {
            // Every sentence plants one value, cycling through the kinds so each is well represented;
            // one in three plants a second one.
            var builder = Builder()
            var clauses: [Clause] = [Self.plantedClause(Self.plantedCategories[index % 7], &rng)]
            if rng.chance(1, in: 3) { clauses.append(Self.plantedClause(Self.plantedCategories.pick(&rng), &rng)) }
            for _ in 0..<rng.int(in: 1...3) { clauses.append(Self.ordinaryClause(&rng)) }
            clauses.shuffle(using: &rng)
            builder.append(Self.openers.pick(&rng))
            for (k, clause) in clauses.enumerated() {
                if k > 0 { builder.append(Self.joiners.pick(&rng)) }
                builder.append(clause)
            }
            builder.append(Self.closers.pick(&rng))
            sentences.append(builder.sentence)
        }
        self.sentences = sentences
    }

    // MARK: Building sentences

    /// A clause: literal text with at most one slot, and what fills it.
    struct Clause {
        var before: String
        var span: (category: String, value: String, planted: Bool)?
        var after: String
    }

    struct Builder {
        var text = ""
        var planted: [Span] = []
        var ordinary: [Span] = []

        mutating func append(_ literal: String) { text += literal }

        mutating func append(_ clause: Clause) {
            text += clause.before
            if let span = clause.span {
                let start = text.utf8.count
                text += span.value
                let s = Span(category: span.category, value: span.value, range: start..<text.utf8.count)
                if span.planted { planted.append(s) } else { ordinary.append(s) }
            }
            text += clause.after
        }

        var sentence: Sentence { Sentence(text: text, planted: planted, ordinary: ordinary) }
    }

    static func clause(_ template: String, _ category: String, _ value: String, planted: Bool) -> Clause {
        let parts = template.split(separator: "{}", maxSplits: 1, omittingEmptySubsequences: false)
        return Clause(before: String(parts[0]), span: (category, value, planted), after: parts.count > 1 ? String(parts[1]) : "")
    }

    static let openers = [
        "", "", "Hi, ", "Hello team, ", "Customer: ", "Agent: ", "Good morning - ", "Thanks! ", "Hey there, ",
        "Quick question: ", "Re: your message - ", "Update: ", "Hola, ", "Hallo, ", "Bonjour, ", "> ",
    ]
    static let joiners = [", ", ". ", "; ", " and ", " - ", ", also ", ". Also, ", " but ", " (", "\n", " / "]
    static let closers = ["", ".", ".", "!", "?", " thanks.", " :)", " 🙏", " asap.", ")", "…", " — cheers"]

    // MARK: Planted data

    static func plantedClause(_ category: String, _ rng: inout SplitMix64) -> Clause {
        switch category {
        case "email":
            return clause(emailTemplates.pick(&rng), category, email(&rng), planted: true)
        case "phone":
            let (value, plain) = phone(&rng)
            return clause((plain ? phoneWordTemplates : phoneTemplates + phoneWordTemplates).pick(&rng), category, value, planted: true)
        case "card":
            return clause(cardTemplates.pick(&rng), category, card(&rng), planted: true)
        case "iban":
            return clause(ibanTemplates.pick(&rng), category, iban(&rng), planted: true)
        case "ipAddress":
            // An IPv6 address takes a port only in brackets, so no ":8080" after one.
            let value = ipAddress(&rng)
            let templates = value.contains(":") ? ipTemplates.filter { !$0.contains("}:") } : ipTemplates
            return clause(templates.pick(&rng), category, value, planted: true)
        case "url":
            return clause(urlTemplates.pick(&rng), category, secretURL(&rng), planted: true)
        default:
            let (value, plain) = ssn(&rng)
            return clause((plain ? ssnWordTemplates : ssnTemplates + ssnWordTemplates).pick(&rng), category, value, planted: true)
        }
    }

    static let emailTemplates = [
        "my email is {}", "you can reach me at {}", "send the invoice to {}", "I changed my address to {} last week",
        "contact: {}", "write to <{}>", "the account under {} is locked", "CC {} on this", "({})", "email me ({})",
        "mi correo es {}", "meine E-Mail: {}", "我的邮箱是{}", "メールは{}です", "is {} the right address",
        "\"{}\"", "login {}", "from: {}",
    ]
    static let phoneTemplates = [
        "I'm at {} until 5", "{} is the best way to get me", "it's {}", "or {} after six", "my details: {}",
        "the store on {} never answers", "({})", "use {} instead", "Rufen Sie mich unter {} an", "電話番号は{}です",
        "mon numéro est le {}", "best at {} in the evening",
    ]
    static let phoneWordTemplates = [
        "call me on {}", "my number is {}", "you can reach me at {}", "my mobile is {}", "phone: {}",
        "I tried calling {} twice", "text {} when it ships", "the courier called from {}", "my new number ({}) is on file",
        "tel. {}", "ring me at {}", "WhatsApp {}", "fax {}", "my cell {}",
    ]
    static let cardTemplates = [
        "my card {} was charged twice", "card number: {}", "I paid with {}", "use {} instead", "({})",
        "the Visa {} keeps failing", "charge it to {} please", "card: {} exp 04/27", "tarjeta {}", "Karte {} wurde abgelehnt",
        "it's {}, CVV on request",
    ]
    static let ibanTemplates = [
        "please refund to IBAN {}", "my IBAN is {}", "bank account {}", "transfer it to {}", "IBAN: {}",
        "({})", "new account {} from May", "Kontonummer {}",
    ]
    static let ipTemplates = [
        "my IP is {}", "the login came from {}", "blocked {} again", "server {} returned 503", "I connect via {}",
        "({})", "the VPN gives me {}", "ping {} fails", "address {}:8080 refuses", "IP {}",
    ]
    static let urlTemplates = [
        "the link {} doesn't work", "I clicked {}", "reset link: {}", "see {}", "it redirected to {}",
        "({})", "the email said {}", "<{}>",
    ]
    static let ssnTemplates = [
        "they asked for {} on the form", "it's {}", "({})", "the number {} was rejected",
    ]
    static let ssnWordTemplates = [
        "my SSN is {}", "SSN: {}", "social security number {}", "my social security no. {}", "SSN {} for the tax form",
    ]

    static let firstNames = ["jane", "john", "maria", "li", "ahmed", "olga", "pierre", "sam", "yuki", "noah", "chloé", "søren"]
    static let lastNames = ["doe", "smith", "garcia", "wang", "khan", "ivanova", "dupont", "lee", "tanaka", "o'brien", "müller"]
    static let domains = [
        "example.com", "mail.example.org", "example.co.uk", "company-name.io", "gmail.com", "outlook.de", "uni-example.edu",
        "example.fr", "shop.example.net", "exämple.de",
    ]

    static func email(_ rng: inout SplitMix64) -> String {
        let first = firstNames.pick(&rng), last = lastNames.pick(&rng)
        var local: String
        switch rng.int(in: 0...6) {
        case 0: local = "\(first).\(last)"
        case 1: local = "\(first)_\(last)\(rng.int(in: 1...99))"
        case 2: local = "\(first)+support"
        case 3: local = "\(first.prefix(1))\(last)"
        case 4: local = "\(first)\(rng.int(in: 1970...2005))"
        case 5: local = "\(first)-\(last)"
        default: local = first
        }
        if rng.chance(1, in: 8) { local = local.uppercased() }
        return "\(local)@\(domains.pick(&rng))"
    }

    /// A phone number and whether it is plain digits (which only appear after a phone word).
    static func phone(_ rng: inout SplitMix64) -> (String, Bool) {
        func d(_ count: Int) -> String { rng.digits(count) }
        func nz() -> String { String(rng.int(in: 2...9)) }
        let area = nz() + d(2), exchange = nz() + d(2), line = d(4)
        switch rng.int(in: 0...39) {
        case 0: return ("(\(area)) \(exchange)-\(line)", false)
        case 1: return ("\(area)-\(exchange)-\(line)", false)
        case 2: return ("\(area).\(exchange).\(line)", false)
        case 3: return ("\(area) \(exchange) \(line)", false)
        case 4: return ("+1 \(area) \(exchange) \(line)", false)
        case 5: return ("+1-\(area)-\(exchange)-\(line)", false)
        case 6: return ("+1 (\(area)) \(exchange)-\(line)", false)
        case 7: return ("1-800-\(exchange)-\(line)", false)
        case 8: return ("\(area)\(exchange)\(line)", true)
        case 9: return ("020 \(nz())\(d(3)) \(d(4))", false)
        case 10: return ("07\(d(3)) \(d(6))", false)
        case 11: return ("+44 20 \(nz())\(d(3)) \(d(4))", false)
        case 12: return ("+44 7\(d(3)) \(d(6))", false)
        case 13: return ("0121 \(nz())\(d(2)) \(d(4))", false)
        case 14: return ("+44 (0)20 \(nz())\(d(3)) \(d(4))", false)
        case 15: return ("06 \(d(2)) \(d(2)) \(d(2)) \(d(2))", false)
        case 16: return ("+33 6 \(d(2)) \(d(2)) \(d(2)) \(d(2))", false)
        case 17: return ("01.\(d(2)).\(d(2)).\(d(2)).\(d(2))", false)
        case 18: return ("030 \(nz())\(d(7))", false)
        case 19: return ("+49 30 \(nz())\(d(7))", false)
        case 20: return ("0171 \(nz())\(d(6))", false)
        case 21: return ("+49 (0)171 \(nz())\(d(6))", false)
        case 22: return ("089/\(nz())\(d(6))", false)
        case 23: return ("6\(d(2)) \(d(3)) \(d(3))", false)
        case 24: return ("+34 6\(d(2)) \(d(3)) \(d(3))", false)
        case 25: return ("91 \(d(3)) \(d(2)) \(d(2))", false)
        case 26: return ("06 \(d(4)) \(d(4))", false)
        case 27: return ("+39 3\(d(2)) \(d(3)) \(d(4))", false)
        case 28: return ("06-\(d(8))", false)
        case 29: return ("+31 6 \(d(8))", false)
        case 30: return ("04\(d(2)) \(d(3)) \(d(3))", false)
        case 31: return ("+61 4\(d(2)) \(d(3)) \(d(3))", false)
        case 32: return ("(02) \(nz())\(d(3)) \(d(4))", false)
        case 33: return ("03-\(d(4))-\(d(4))", false)
        case 34: return ("+81 90-\(d(4))-\(d(4))", false)
        case 35: return ("(11) 9\(d(4))-\(d(4))", false)
        case 36: return ("+55 11 9\(d(4))-\(d(4))", false)
        case 37: return ("+91 9\(d(4)) \(d(5))", false)
        case 38: return ("+86 13\(d(1)) \(d(4)) \(d(4))", false)
        default: return ("07\(d(9))", rng.chance(1, in: 2))
        }
    }

    static func luhnCheckDigit(_ body: [Int]) -> Int {
        var sum = 0
        for (k, digit) in body.reversed().enumerated() {
            var x = digit
            if k % 2 == 0 { x *= 2; if x > 9 { x -= 9 } }
            sum += x
        }
        return (10 - sum % 10) % 10
    }

    static func card(_ rng: inout SplitMix64) -> String {
        let (prefix, length): (String, Int) = {
            switch rng.int(in: 0...11) {
            case 0, 1: return ("4", 16)
            case 2: return ("4", [13, 19].pick(&rng))
            case 3: return (String(rng.int(in: 51...55)), 16)
            case 4: return (String(rng.int(in: 2221...2720)), 16)
            case 5: return (["34", "37"].pick(&rng), 15)
            case 6: return ("6011", 16)
            case 7: return ("65", 16)
            case 8: return (String(rng.int(in: 3528...3589)), 16)
            case 9: return ("36", 14)
            case 10: return ("62", [16, 17, 18, 19].pick(&rng))
            default: return ("6759", 16)
            }
        }()
        var digits = prefix.map { Int(String($0))! }
        while digits.count < length - 1 { digits.append(rng.int(in: 0...9)) }
        digits.append(luhnCheckDigit(digits))
        let plain = digits.map { String($0) }.joined()
        let grouping: [Int]
        switch length {
        case 15: grouping = [4, 6, 5]
        case 14: grouping = [4, 6, 4]
        default: grouping = Array(repeating: 4, count: length / 4) + (length % 4 == 0 ? [] : [length % 4])
        }
        switch rng.int(in: 0...5) {
        case 0, 1: return plain
        case 2, 3: return grouped(plain, grouping, " ")
        case 4: return grouped(plain, grouping, "-")
        default: return grouped(plain, grouping, "\u{00A0}")
        }
    }

    static func grouped(_ s: String, _ sizes: [Int], _ separator: String) -> String {
        var parts: [String] = []
        var rest = Substring(s)
        for size in sizes where !rest.isEmpty {
            parts.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts.joined(separator: separator)
    }

    static func iban(_ rng: inout SplitMix64) -> String {
        func d(_ n: Int) -> String { rng.digits(n) }
        func letters(_ n: Int) -> String { String((0..<n).map { _ in Character(Unicode.Scalar(UInt8(65 + rng.int(in: 0...25)))) }) }
        let (country, bban): (String, String) = {
            switch rng.int(in: 0...11) {
            case 0, 1: return ("DE", d(18))
            case 2: return ("GB", letters(4) + d(14))
            case 3: return ("FR", d(10) + letters(1) + d(10) + d(2))
            case 4: return ("NL", letters(4) + d(10))
            case 5: return ("ES", d(20))
            case 6: return ("IT", letters(1) + d(10) + d(12))
            case 7: return ("BE", d(12))
            case 8: return ("CH", d(5) + d(12))
            case 9: return ("PL", d(24))
            case 10: return ("AT", d(16))
            default: return ("NO", d(11))
            }
        }()
        // Check digits: 98 - (BBAN + country + "00") mod 97, letters as 10…35.
        var remainder = 0
        for ch in (bban + country + "00").unicodeScalars {
            if ch.value >= 65 { remainder = (remainder * 100 + Int(ch.value) - 55) % 97 } else { remainder = (remainder * 10 + Int(ch.value) - 48) % 97 }
        }
        let check = 98 - remainder
        let plain = country + (check < 10 ? "0" : "") + String(check) + bban
        switch rng.int(in: 0...5) {
        case 0: return plain
        case 1: return grouped(plain, Array(repeating: 4, count: 9), " ").lowercased()
        case 2: return grouped(plain, Array(repeating: 4, count: 9), "-")
        default: return grouped(plain, Array(repeating: 4, count: 9), " ")
        }
    }

    static func ipAddress(_ rng: inout SplitMix64) -> String {
        func hex() -> String { String(rng.int(in: 0...0xFFFF), radix: 16) }
        switch rng.int(in: 0...7) {
        case 0, 1, 2:
            return "\(rng.int(in: 1...223)).\(rng.int(in: 0...255)).\(rng.int(in: 0...255)).\(rng.int(in: 1...254))"
        case 3: return "192.168.\(rng.int(in: 0...255)).\(rng.int(in: 1...254))"
        case 4: return (0..<8).map { _ in hex() }.joined(separator: ":")
        case 5: return "2001:db8:\(hex())::\(hex())"
        case 6: return "fe80::\(hex()):\(hex())%eth\(rng.int(in: 0...3))"
        default: return "::ffff:\(rng.int(in: 1...223)).\(rng.int(in: 0...255)).\(rng.int(in: 0...255)).\(rng.int(in: 1...254))"
        }
    }

    static func secretURL(_ rng: inout SplitMix64) -> String {
        let hosts = ["app.example.com", "example.com", "accounts.example.org", "shop.example.net", "files.example.io", "www.example.com"]
        let host = hosts.pick(&rng)
        let token = rng.token(20...40)
        switch rng.int(in: 0...9) {
        case 0: return "https://\(host)/reset?token=\(token)"
        case 1: return "https://\(host)/account?id=\(rng.digits(6))"
        case 2: return "https://\(host)/login?session=\(rng.token(8...12))&user=\(firstNames.pick(&rng))"
        case 3: return "https://\(host)/verify/\(rng.uuid())"
        case 4: return "https://\(host)/d/\(token)/view"
        case 5: return "https://\(firstNames.pick(&rng)):\(rng.token(8...10))@\(host)/"
        case 6: return "\(host)/unsubscribe?email=\(firstNames.pick(&rng))%40example.com"
        case 7: return "https://\(host)/cb#access_token=\(token)&expires_in=3600"
        case 8: return "https://\(host)/track?uid=\(rng.digits(8))&lang=en"
        default: return "https://\(host)/s/\(rng.token(6...8))?sig=\(rng.token(24...32))"
        }
    }

    /// An SSN in an issued range and whether it is written as plain digits.
    static func ssn(_ rng: inout SplitMix64) -> (String, Bool) {
        var area = rng.int(in: 1...899)
        if area == 666 { area = 667 }
        let a = String(format3: area), g = String(format2: rng.int(in: 1...99)), s = String(format4: rng.int(in: 1...9999))
        switch rng.int(in: 0...9) {
        case 0, 1: return ("\(a) \(g) \(s)", false)
        case 2: return ("\(a)\(g)\(s)", true)
        default: return ("\(a)-\(g)-\(s)", false)
        }
    }

    // MARK: Ordinary numbers

    static func ordinaryClause(_ rng: inout SplitMix64) -> Clause {
        let (category, value) = ordinary(&rng)
        let templates = ordinaryTemplates[category] ?? ["{}"]
        return clause(templates.pick(&rng), category, value, planted: false)
    }

    static let ordinaryTemplates: [String: [String]] = [
        "orderId": ["order {} hasn't arrived", "my order {}", "re: {}", "ticket {} is still open", "about {}", "({})"],
        "amount": ["I was charged {}", "the refund of {} never came", "it cost {}", "total {}", "{} twice", "({})"],
        "date": ["on {}", "since {}", "delivered {}", "it expired {}", "({})", "ordered {}"],
        "time": ["at {}", "around {}", "the driver came at {}", "until {}"],
        "quantity": ["I ordered {}", "only {} arrived", "{} were missing", "qty {}"],
        "year": ["since {}", "a customer since {}", "the {} model", "in {}"],
        "version": ["app {} crashes", "on {}", "after updating to {}", "running {}"],
        "tracking": ["tracking {}", "tracking number {}", "the parcel {} is stuck", "shipment {}", "(tracking: {})"],
        "percent": ["a {} discount", "{} off", "battery at {}"],
        "duration": ["waited {}", "for {}", "it takes {}"],
        "ordinaryURL": ["see {}", "the page {} is blank", "({})"],
        "postcode": ["ZIP {}", "postcode {}", "to {}"],
        "count": ["page {}", "step {}", "item {}"],
        "identifier": ["{}", "my {}", "re {}", "quoting {}", "({})"],
        "measure": ["{}", "about {}", "set to {}", "({})"],
    ]

    static func ordinary(_ rng: inout SplitMix64) -> (String, String) {
        func d(_ n: Int) -> String { rng.digits(n) }
        let months = ["Jan", "Feb", "March", "May", "June", "Sept", "Oct", "December"]
        let day = String(format2: rng.int(in: 1...28)), month = String(format2: rng.int(in: 1...12)), year = String(rng.int(in: 2015...2026))
        switch rng.int(in: 0...14) {
        case 13:
            let forms = ["customer ID \(d(3))-\(d(3))-\(d(3))", "SN \(d(4))-\(d(4))-\(d(4))", "INV-\(year)-\(d(6))",
                         "invoice \(year)-\(d(6))", "case \(d(8))", "ref \(d(4)) \(d(4))", "member no. \(d(3)) \(d(3)) \(d(3))",
                         "account \(d(8))", "booking \(d(3))-\(d(4))", "policy \(d(3)) \(d(3)) \(d(4))",
                         "ISBN 978-\(d(1))-\(d(2))-\(d(6))-\(d(1))", "lot \(d(6))", "model 55\(d(2))-\(d(3))"]
            return ("identifier", forms.pick(&rng))
        case 14:
            let forms = ["1920x1080", "\(rng.int(in: 10...80)).\(d(4)), \(rng.int(in: 1...20)).\(d(4))", "\(rng.int(in: 0...5))-\(rng.int(in: 0...5))",
                         "pages \(rng.int(in: 100...200))-\(rng.int(in: 201...300))", "\(rng.int(in: 1...9)):\(d(2)):\(d(2))",
                         "ext. \(d(4))", "\(rng.int(in: 1...9)),\(d(3)),\(d(3)) users", "\(rng.int(in: 10...99)) \(d(3)) \(d(3)) views",
                         "\(rng.int(in: 1...20)).\(rng.int(in: 1...9)) inch", "\(rng.int(in: 1_000...9_999)) \(d(3)) km"]
            return ("measure", forms.pick(&rng))
        case 0:
            let forms = ["ORD-\(year)-\(d(5))", "A-\(d(4))", "#\(rng.int(in: 10_000...9_999_999))", "\(rng.int(in: 10_000...999_999))",
                         "ORD\(d(5))", "SO-\(d(6))", "INC\(d(7))", "#A\(d(6))", "RMA-\(d(2))-\(d(4))"]
            return ("orderId", forms.pick(&rng))
        case 1:
            let whole = rng.int(in: 1...9_999), cents = String(format2: rng.int(in: 0...99))
            let forms = ["$\(whole.withCommas).\(cents)", "\(whole.withDots),\(cents) €", "€\(whole).\(cents)", "£\(whole)",
                         "USD \(whole.withCommas)", "\(whole),\(cents) €", "\(whole.withSpaces),\(cents) €", "¥\(whole.withCommas)",
                         "$\(rng.int(in: 1_000...999_999).withCommas).\(cents)", "\(whole.withCommas).\(cents) USD", "CHF \(whole).–"]
            return ("amount", forms.pick(&rng))
        case 2:
            let forms = ["\(year)-\(month)-\(day)", "\(day)/\(month)/\(year)", "\(month)/\(day)/\(year)", "\(day).\(month).\(year)",
                         "\(months.pick(&rng)) \(rng.int(in: 1...28)), \(year)", "\(rng.int(in: 1...28)) \(months.pick(&rng)) \(year)",
                         "\(year)/\(month)/\(day)", "\(rng.int(in: 1...12))/\(rng.int(in: 1...28))/\(rng.int(in: 19...26))",
                         "\(year)-\(month)-\(day) \(String(format2: rng.int(in: 0...23))):\(String(format2: rng.int(in: 0...59)))"]
            return ("date", forms.pick(&rng))
        case 3:
            let h = rng.int(in: 0...23), m = String(format2: rng.int(in: 0...59))
            let forms = ["\(h):\(m)", "\(String(format2: h)):\(m):\(String(format2: rng.int(in: 0...59)))", "\(rng.int(in: 1...12)):\(m) am",
                         "\(rng.int(in: 1...12))pm", "\(h)h\(m)"]
            return ("time", forms.pick(&rng))
        case 4:
            let forms = ["\(rng.int(in: 2...12)) items", "\(rng.int(in: 2...5)) x \(rng.int(in: 6...24)) units", "x\(rng.int(in: 2...9))",
                         "\(rng.int(in: 10...500)) ml", "\(rng.int(in: 1...9)),000 pieces", "\(rng.int(in: 2...40)) boxes"]
            return ("quantity", forms.pick(&rng))
        case 5:
            return ("year", String(rng.int(in: 1990...2026)))
        case 6:
            let forms = ["v\(rng.int(in: 1...9)).\(rng.int(in: 0...20)).\(rng.int(in: 0...9))", "version 10.0.\(d(5)).\(d(4))",
                         "iOS \(rng.int(in: 14...18)).\(rng.int(in: 0...6)).\(rng.int(in: 1...3))", "Android \(rng.int(in: 10...15))",
                         "build \(rng.int(in: 1...9)).\(rng.int(in: 0...9)).\(rng.int(in: 0...9)).\(rng.int(in: 0...99))",
                         "version \(rng.int(in: 1...9)).\(rng.int(in: 0...9)).\(rng.int(in: 0...9)).\(rng.int(in: 0...9))",
                         "Chrome \(rng.int(in: 100...130)).0.\(d(4)).\(d(2))"]
            return ("version", forms.pick(&rng))
        case 7:
            return ("tracking", trackingNumber(&rng))
        case 8:
            return ("percent", ["\(rng.int(in: 5...80))%", "\(rng.int(in: 1...9)).5 %", "\(rng.int(in: 1...99)) percent"].pick(&rng))
        case 9:
            return ("duration", ["\(rng.int(in: 2...14)) days", "\(rng.int(in: 5...90)) minutes", "\(rng.int(in: 24...72)) hours",
                                 "\(rng.int(in: 1...3)) weeks"].pick(&rng))
        case 10:
            return ("ordinaryURL", ["https://help.example.com/cards", "https://example.com/orders/\(d(5))", "www.example.com/returns",
                                    "https://shop.example.com/search?q=refund&page=\(rng.int(in: 1...9))",
                                    "example.com/help/article-\(d(3))"].pick(&rng))
        case 11:
            return ("postcode", ["\(d(5))", "\(d(5))-\(d(4))", "SW1A 1AA", "75008 Paris", "D-10115 Berlin"].pick(&rng))
        default:
            return ("count", ["\(rng.int(in: 1...9)) of \(rng.int(in: 10...40))", "\(rng.int(in: 1...12))", "no. \(rng.int(in: 1...99))"].pick(&rng))
        }
    }

    /// A tracking number that is not a card number: Luhn fails wherever it applies.
    static func trackingNumber(_ rng: inout SplitMix64) -> String {
        func failingLuhn(_ length: Int, prefix: String) -> String {
            var digits = prefix.map { Int(String($0))! }
            while digits.count < length - 1 { digits.append(rng.int(in: 0...9)) }
            digits.append((luhnCheckDigit(digits) + rng.int(in: 1...9)) % 10)
            return digits.map { String($0) }.joined()
        }
        switch rng.int(in: 0...6) {
        case 0: return failingLuhn(12, prefix: String(rng.int(in: 1...9)))                                   // FedEx 12
        case 1: return grouped(failingLuhn(12, prefix: String(rng.int(in: 1...9))), [4, 4, 4], " ")
        case 2: return grouped(failingLuhn(22, prefix: "94"), [4, 4, 4, 4, 4, 2], " ")                      // USPS 22
        case 3: return failingLuhn(22, prefix: "92")
        case 4: return "1Z\(rng.digits(3))AA1\(rng.digits(7))\(rng.digits(1))"                               // UPS
        case 5: return grouped(failingLuhn(16, prefix: ["4", "5", "6"].pick(&rng)), [4, 4, 4, 4], " ")       // looks like a card
        default: return failingLuhn(10, prefix: String(rng.int(in: 1...9)))                                  // DHL 10
        }
    }
}

// MARK: Small helpers

fileprivate extension SplitMix64 {
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ k: Int, in n: Int) -> Bool { int(in: 1...n) <= k }
    mutating func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(int(in: 0...9))) }) }
    mutating func token(_ length: ClosedRange<Int>) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        // At least one letter and one digit, as real tokens have.
        var chars = (0..<int(in: length) - 2).map { _ in alphabet[int(in: 0...alphabet.count - 1)] }
        chars.append(Character(String(int(in: 0...9))))
        chars.insert(alphabet[int(in: 0...51)], at: 0)
        return String(chars)
    }
    mutating func uuid() -> String {
        func hex(_ n: Int) -> String { String((0..<n).map { _ in Array("0123456789abcdef")[int(in: 0...15)] }) }
        return "\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))"
    }
}

fileprivate extension Array {
    func pick(_ rng: inout SplitMix64) -> Element { self[Int.random(in: 0..<count, using: &rng)] }
}

fileprivate extension String {
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    init(format3 v: Int) { self = String(repeating: "0", count: 3 - String(v).count) + String(v) }
    init(format4 v: Int) { self = String(repeating: "0", count: 4 - String(v).count) + String(v) }
}

fileprivate extension Int {
    /// 1234567 → "1,234,567".
    var withCommas: String { grouped(",") }
    /// 1234567 → "1.234.567".
    var withDots: String { grouped(".") }
    /// 1234567 → "1 234 567".
    var withSpaces: String { grouped(" ") }

    private func grouped(_ separator: String) -> String {
        let digits = Array(String(self))
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }
}
