import DilmancModels
import TranslationMemory

/// Markdown's inline markup inside a sentence, kept out of the translation as
/// placeholders: emphasis delimiters (`**`, `__`, `*`, `_`), code spans (whole,
/// since code is not translated), link brackets and targets (`[` and
/// `](https://…)`, the link text stays text), images, autolinks and HTML tags.
///
/// Each placeholder is a `.standalone` `InlineTag` whose code is the markup as
/// written, so drafts, memories and TMX exports carry it unchanged;
/// `DraftFinalizer` writes it back.
public enum MarkdownInline {
    public static func parse(_ text: String) -> TaggedText {
        let characters = Array(text)
        var pieces: [TaggedText.Piece] = []
        var plain = ""
        var index = 0
        func flush() {
            if !plain.isEmpty { pieces.append(.text(plain)); plain = "" }
        }
        func tag(_ markup: String) {
            flush()
            pieces.append(.tag(InlineTag(kind: .standalone, attributes: ["type": "fmt"], code: markup)))
        }
        while index < characters.count {
            let c = characters[index]
            // A code span: from a run of backticks to the same run.
            if c == "`" {
                var run = 0
                while index + run < characters.count, characters[index + run] == "`" { run += 1 }
                if let close = find(characters, String(repeating: "`", count: run), from: index + run) {
                    tag(String(characters[index..<close + run]))
                    index = close + run
                    continue
                }
            }
            // Images and autolinks are placeholders whole.
            if c == "!", index + 1 < characters.count, characters[index + 1] == "[",
               let close = find(characters, "](", from: index + 2), let end = find(characters, ")", from: close + 2) {
                tag(String(characters[index...end]))
                index = end + 1
                continue
            }
            if c == "<", let end = find(characters, ">", from: index + 1), end - index > 1,
               characters[index + 1].isLetter || characters[index + 1] == "/" || characters[index + 1] == "!" {
                tag(String(characters[index...end]))
                index = end + 1
                continue
            }
            // A link: its brackets and target are markup, its text is text.
            if c == "[", let close = find(characters, "](", from: index + 1), let end = find(characters, ")", from: close + 2),
               !characters[(index + 1)..<close].contains("\n") {
                tag("[")
                plain += String(characters[(index + 1)..<close])
                tag(String(characters[close...end]))
                index = end + 1
                continue
            }
            // Emphasis: a run of * or _ touching a word on one side.
            if c == "*" || c == "_" {
                var run = 0
                while index + run < characters.count, characters[index + run] == c { run += 1 }
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + run < characters.count ? characters[index + run] : " "
                let opens = !after.isWhitespace && (before.isWhitespace || before.isPunctuation || index == 0)
                let closes = !before.isWhitespace && (after.isWhitespace || after.isPunctuation || index + run == characters.count)
                // An underscore inside a word (snake_case) is a letter.
                if run <= 3, opens || closes, !(c == "_" && before.isLetter && after.isLetter) {
                    tag(String(repeating: String(c), count: run))
                    index += run
                    continue
                }
            }
            plain.append(c)
            index += 1
        }
        flush()
        return TaggedText(pieces)
    }

    private static func find(_ characters: [Character], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle)
        guard start <= characters.count - pattern.count else { return nil }
        var i = start
        while i <= characters.count - pattern.count {
            if characters[i..<i + pattern.count].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
