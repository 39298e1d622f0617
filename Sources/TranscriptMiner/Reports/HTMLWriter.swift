/// HTML escaping for text and attribute values.
///
/// ```swift
/// HTMLEscaping.escaped("<img src=x onerror=alert(1)> & 'so'")
/// // "&lt;img src=x onerror=alert(1)&gt; &amp; &#39;so&#39;"
/// ```
///
/// One function serves both contexts: it escapes the five characters that matter in either
/// (`&`, `<`, `>`, `"`, `'`), so its output is inert as element text and inside a quoted
/// attribute value (single or double quotes). Control characters other than tab, line feed and
/// carriage return, C1 controls and Unicode noncharacters (parse errors in HTML) become U+FFFD.
enum HTMLEscaping {
    /// `text` escaped for HTML text and quoted attribute values.
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isNoncharacterCodePoint {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// The attributes of one element: names are string literals, values any text (escaped when
/// written).
typealias HTMLAttributes = KeyValuePairs<StaticString, String>

/// Writes HTML so that no runtime string can reach the output unescaped.
///
/// ```swift
/// var html = HTMLWriter()
/// html.element("h3", ["id": "theme-3"], theme.label)   // <h3 id="theme-3">label, escaped</h3>
/// html.raw("<hr/>")                                      // literal markup only
/// ```
///
/// The guarantee is in the types: tag names, attribute names and ``raw(_:)`` markup are
/// `StaticString`s, which only string literals in the source can produce; every `String` (labels,
/// terms, quotes, ids, settings, paths, numbers) goes through ``HTMLEscaping/escaped(_:)``, as
/// element text or as a double-quoted attribute value. Void and SVG elements are written with a
/// self-closing `/>`, valid for both.
struct HTMLWriter {
    /// The markup written so far.
    private(set) var output = ""

    /// Appends trusted markup: a literal written in this module's source.
    mutating func raw(_ markup: StaticString) {
        output += markup.description
    }

    /// Appends `text`, escaped.
    mutating func text(_ text: String) {
        output += HTMLEscaping.escaped(text)
    }

    /// Appends a start tag with its attributes (values escaped and double-quoted).
    mutating func open(_ tag: StaticString, _ attributes: HTMLAttributes = [:]) {
        output += "<" + tag.description
        appendAttributes(attributes)
        output += ">"
    }

    /// Appends an end tag.
    mutating func close(_ tag: StaticString) {
        output += "</" + tag.description + ">"
    }

    /// Appends a self-closed element (`<meta …/>`, `<rect …/>`).
    mutating func empty(_ tag: StaticString, _ attributes: HTMLAttributes = [:]) {
        output += "<" + tag.description
        appendAttributes(attributes)
        output += "/>"
    }

    /// Appends an element without attributes holding `text` (escaped).
    mutating func element(_ tag: StaticString, _ text: String) {
        element(tag, [:], text)
    }

    /// Appends an element holding `text` (escaped).
    mutating func element(_ tag: StaticString, _ attributes: HTMLAttributes, _ text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// Appends an element whose content `body` writes.
    mutating func element(_ tag: StaticString, _ attributes: HTMLAttributes = [:], body: (inout HTMLWriter) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// Appends a line break to the source (readability of the file, not of the page).
    mutating func newline() {
        output += "\n"
    }

    private mutating func appendAttributes(_ attributes: HTMLAttributes) {
        for (name, value) in attributes {
            output += " " + name.description + "=\"" + HTMLEscaping.escaped(value) + "\""
        }
    }
}

extension HTMLWriter {
    /// Opens a self-contained report page up to `<main>`: doctype, the content-security policy
    /// that forbids scripts and every fetch (`default-src 'none'`, inline styles and data: images
    /// only), viewport, no referrer, generator, title, the inline style sheet, and a header with
    /// `title` and the `meta` line. Close it with ``closePage()``.
    mutating func openPage(title: String, generator: String, styleSheet: StaticString, meta: String) {
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        raw("<meta name=\"referrer\" content=\"no-referrer\"/>\n")
        empty("meta", ["name": "generator", "content": generator])
        newline()
        element("title", title)
        newline()
        raw("<style>\n")
        raw(styleSheet)
        raw("</style>\n</head>\n<body>\n")
        element("header", ["class": "page"]) { html in
            html.element("h1", title)
            html.element("p", ["class": "meta"], meta)
        }
        newline()
        raw("<main>\n")
    }

    /// Closes what ``openPage(title:generator:styleSheet:meta:)`` opened.
    mutating func closePage() {
        raw("</main>\n</body>\n</html>\n")
    }
}
