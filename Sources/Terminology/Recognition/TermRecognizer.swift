import DilmancModels
import DilmancText
import Foundation

/// Finds every term of a term base in a segment at once, through inflection.
///
/// Terms become paths in a trie of word keys (see `MatchKey`), so that a
/// segment is read once whatever the number of entries: from each word, the
/// walk follows the edges its keys allow and records the terms it completes;
/// the work per word is bounded by the longest term's length and the few keys
/// a word has, not by the size of the term base. Each edge says how the word
/// must match:
///
/// - `=key`: as written (case folded, look-alikes folded);
/// - `~lemma`: through inflection, with the lemma keys `WordInflection` gives
///   a text word (every word in Russian, the last word in Azerbaijani and
///   English);
/// - a prefix, for memoQ-style pattern words (`Ermənistan|`, `Карабах*`).
///
/// An Azerbaijani suffix written after a hyphen (BMT-nin) is taken into the
/// match. Overlapping matches are resolved leftmost-longest, so "Western
/// Azerbaijan Community" wins over "Azerbaijan" inside it.
///
/// Not `Sendable` (caches), so the compiler keeps each one in one task.
public final class TermRecognizer {
    public struct Match: Sendable, Hashable {
        /// Indexes into the term base's entries and the entry's terms.
        public var entry: Int
        public var term: Int
        /// The words matched, as written, joined by spaces (or the hyphen they
        /// were written with).
        public var surface: String
        /// The span of words (indexes into the segment's words).
        public var words: Range<Int>
    }

    /// A segment's words (numbers count as words), as the recognizer reads them.
    public struct Word: Sendable, Hashable {
        public var surface: String
        public var key: String
        /// Written right after a hyphen (`BMT-nin`), so possibly an ending.
        public var afterHyphen: Bool
    }

    public let language: String
    public let termBase: TermBase
    private let tokenizer: MatchTokenizer
    private let inflection: WordInflection

    /// A term in the trie: indexes into the term base's entries and the
    /// entry's terms, and its own number, in the order terms were added
    /// (an index into the per-term caches).
    private struct Terminal {
        var entry: Int
        var term: Int
        var number: Int
    }

    private struct Node {
        var prefixEdges: [(prefix: String, child: Int)] = []
        /// The terms whose path ends here.
        var terminals: [Terminal] = []
        /// The last word of a term ending here may take an attached suffix.
        var inflectedEnd = false
    }

    private var nodes = [Node()]
    /// (node, label id) → child node.
    private var edges = TrieEdges()
    /// Every edge label of the trie (`=key`, `~lemma`), numbered: the walk
    /// compares integers, and a text word is hashed once, into the labels it
    /// may follow.
    private var labelIDs: [String: Int] = [:]
    /// Per text-word key: a number of its own (see `declensionForms`) and the
    /// ids of the labels it may follow that some edge has.
    private var textWords: [String: (id: Int, labels: [Int])] = [:]
    private var hasPrefixEdges = false
    /// Per term (by `Terminal.number`), what `accepts` compares: its words
    /// without attached endings, each with a number for its key (see
    /// `declensionForms`); nil until first needed.
    private var acceptWords: [[(word: Word, id: Int)]?] = []
    private var termWordIDs: [String: Int] = [:]
    /// `RussianDeclension.isForm` per text-word number and term-word number
    /// (packed into one integer): the same words meet again and again, and
    /// deciding a declension splits both words every time.
    private var declensionForms: [Int: Bool] = [:]
    /// Per term (by `Terminal.number`), its text folded and lowercased as
    /// `closest` compares it; nil until first needed.
    private var foldedTexts: [[Character]?] = []

    /// Indexes the terms of `termBase` in `language` (by primary language).
    public init(termBase: TermBase, language: String) throws {
        self.language = LanguageCode.primary(language)
        self.termBase = termBase
        tokenizer = MatchTokenizer(language: self.language)
        inflection = WordInflection(language: self.language)
        for (entryIndex, entry) in termBase.entries.enumerated() {
            for (termIndex, term) in entry.terms.enumerated() where LanguageCode.primary(term.language) == self.language {
                try add(term, entry: entryIndex, term: termIndex)
            }
        }
    }

    private func add(_ term: Term, entry: Int, term termIndex: Int) throws {
        // An ending written after a hyphen inside a term (BMT-nin
        // Təhlükəsizlik Şurası) is the inflection of the word before it, as
        // in a text: it is no word of the path, so the term matches with any
        // ending there, or none.
        let words = try termWords(term.text).enumerated().filter { position, word in
            position == 0 || !word.afterHyphen || !inflection.isAttachedSuffix(word.key)
        }.map(\.element)
        guard !words.isEmpty else { return }
        var node = 0
        for (position, word) in words.enumerated() {
            let last = position == words.count - 1
            let label: String
            var prefix: String?
            switch term.matchMode {
            case .exact:
                label = "=" + word.key
            case .pattern where word.surface.hasSuffix("|") || word.surface.hasSuffix("*") || word.key.hasSuffix("*"):
                prefix = try MatchKey.make(String(word.surface.dropLast()), language: language)
                label = ""
            case .pattern:
                label = "=" + word.key
            case .inflected:
                label = last || inflection.inflectsEveryWord ? "~" + inflection.lemmaKey(ofTermWord: word.key) : "=" + word.key
            }
            if let prefix {
                hasPrefixEdges = true
                if let existing = nodes[node].prefixEdges.first(where: { $0.prefix == prefix }) {
                    node = existing.child
                } else {
                    nodes.append(Node())
                    nodes[node].prefixEdges.append((prefix, nodes.count - 1))
                    node = nodes.count - 1
                }
            } else {
                let id = labelIDs[label] ?? labelIDs.count
                labelIDs[label] = id
                if let next = edges.child(of: node, label: id) {
                    node = next
                } else {
                    nodes.append(Node())
                    edges.add(child: nodes.count - 1, from: node, label: id)
                    node = nodes.count - 1
                }
            }
        }
        nodes[node].terminals.append(Terminal(entry: entry, term: termIndex, number: acceptWords.count))
        acceptWords.append(nil)
        foldedTexts.append(nil)
        if term.matchMode == .inflected { nodes[node].inflectedEnd = true }
    }

    /// The words of a text: word and number tokens, with the hyphen before them
    /// noted.
    public func words(of text: String) throws -> [Word] {
        Self.words(from: try tokenizer.tokenize(text), markers: false)
    }

    /// The words of a term: pattern markers (`|`, `*`) stay on their word.
    private func termWords(_ text: String) throws -> [Word] {
        Self.words(from: try tokenizer.tokenize(text), markers: true)
    }

    /// The words among tokens the caller already has (tokenized for this
    /// recognizer's language).
    public static func words(from tokens: [MatchToken], markers: Bool = false) -> [Word] {
        var result: [Word] = []
        result.reserveCapacity(tokens.count)
        var hyphen = false
        for token in tokens {
            switch token.kind {
            case .word, .number:
                result.append(Word(surface: token.surface, key: token.key, afterHyphen: hyphen && !result.isEmpty))
                hyphen = false
            case .punctuation where markers && (token.key == "|" || token.key == "*"):
                if !result.isEmpty {
                    result[result.count - 1].surface += token.key
                    result[result.count - 1].key += token.key
                }
            case .punctuation:
                hyphen = token.key == "-"
            case .tag:
                hyphen = false
            }
        }
        return result
    }

    /// Every term in `text`, leftmost-longest, in text order.
    public func matches(in text: String) throws -> [Match] {
        matches(inWords: try words(of: text))
    }

    public func matches(inWords words: [Word]) -> [Match] {
        let segment = SegmentWords(words, recognizer: self)
        var found: [Match] = []
        var start = 0
        while start < words.count {
            var best: (end: Int, node: Int)?
            walk(segment, from: start, node: 0, position: start) { end, node in
                if best == nil || end > best!.end { best = (end, node) }
            }
            guard let (end, node) = best else {
                start += 1
                continue
            }
            var stop = end
            // An ending written after a hyphen belongs to the term (BMT-nin).
            if nodes[node].inflectedEnd, stop < words.count, segment.attached[stop] {
                stop += 1
            }
            let surface = words[start..<stop].enumerated().map { offset, word in
                offset == 0 ? word.surface : (word.afterHyphen ? "-" : " ") + word.surface
            }.joined()
            let accepted = nodes[node].terminals.filter { accepts($0, segment, start..<end) }
            for terminal in closest(accepted, to: surface) {
                found.append(Match(entry: terminal.entry, term: terminal.term, surface: surface, words: start..<stop))
            }
            start = stop
        }
        return found
    }

    /// What the walk asks of a segment's words, looked up once per word
    /// rather than at every path through it: its number and trie labels
    /// (one hash of the word), and whether it is an ending attached after a
    /// hyphen.
    private struct SegmentWords {
        let words: [Word]
        var ids: [Int] = []
        var labels: [[Int]] = []
        var attached: [Bool] = []

        init(_ words: [Word], recognizer: TermRecognizer) {
            self.words = words
            ids.reserveCapacity(words.count)
            labels.reserveCapacity(words.count)
            attached.reserveCapacity(words.count)
            for word in words {
                let known = recognizer.textWord(word.key)
                ids.append(known.id)
                labels.append(known.labels)
                attached.append(word.afterHyphen && recognizer.inflection.isAttachedSuffix(word.key))
            }
        }
    }

    /// One term per entry: when the words match several terms of one entry
    /// (an approved spelling and a deprecated one that differ only in a
    /// final letter the stemmer strips), the one written closest to the text
    /// decides, an approved one among equals; otherwise the approved form in
    /// the text was reported as the deprecated one.
    private func closest(_ terminals: [Terminal], to surface: String) -> [Terminal] {
        guard terminals.count > 1 else { return terminals }
        // Folded only when two terms of one entry compete: terms of
        // different entries are all kept, and folding (NFC through
        // Foundation) cost more than the rest of the match.
        var folded: [Character]?
        func closeness(_ terminal: Terminal) -> (Int, Int, Int) {
            let term = termBase.entries[terminal.entry].terms[terminal.term]
            let written = folded ?? Array(Self.foldLookAlikes(surface).lowercased())
            folded = written
            let text = foldedText(terminal)
            let common = zip(written, text).prefix { $0 == $1 }.count
            return (text == written ? 1 : 0, common, term.status.isApproved ? 1 : 0)
        }
        var best: [Int: Terminal] = [:]
        var order: [Int] = []
        for terminal in terminals {
            guard let current = best[terminal.entry] else {
                best[terminal.entry] = terminal
                order.append(terminal.entry)
                continue
            }
            if closeness(terminal) > closeness(current) { best[terminal.entry] = terminal }
        }
        return order.map { best[$0]! }
    }

    /// Calls `visit` with the end of every term path that starts at `position`.
    private func walk(_ segment: SegmentWords, from start: Int, node: Int, position: Int, _ visit: (Int, Int) -> Void) {
        if !nodes[node].terminals.isEmpty, position > start { visit(position, node) }
        guard position < segment.words.count else { return }
        // An ending glued to the word before (BMT-nin) belongs to that word:
        // the path goes on after it.
        if position > start, segment.attached[position] {
            walk(segment, from: start, node: node, position: position + 1, visit)
            return
        }
        for label in segment.labels[position] {
            if let next = edges.child(of: node, label: label) { walk(segment, from: start, node: next, position: position + 1, visit) }
        }
        if hasPrefixEdges {
            let key = segment.words[position].key
            for edge in nodes[node].prefixEdges where key.hasPrefix(edge.prefix) {
                walk(segment, from: start, node: edge.child, position: position + 1, visit)
            }
        }
    }

    /// A text word's number and the labels it may follow, as written and as
    /// each lemma, that some edge has.
    private func textWord(_ key: String) -> (id: Int, labels: [Int]) {
        if let known = textWords[key] { return known }
        var labels: [Int] = []
        for label in ["=" + key] + inflection.lemmaKeys(ofTextWord: key).map({ "~" + $0 }) {
            if let id = labelIDs[label], !labels.contains(id) { labels.append(id) }
        }
        let known = (id: textWords.count, labels: labels)
        textWords[key] = known
        return known
    }

    /// Checks the trie's keys cannot make: a case-sensitive term must match
    /// its letters' case (each text word starts with the term word as
    /// written, NFC, look-alikes folded), and a Russian word found through
    /// its stem must be a case form of the term's word (`RussianDeclension`:
    /// Армении is a form of Армения, the misspelling Армениа is not).
    private func accepts(_ terminal: Terminal, _ segment: SegmentWords, _ span: Range<Int>) -> Bool {
        let term = termBase.entries[terminal.entry].terms[terminal.term]
        let declines = term.matchMode == .inflected && inflection.inflectsEveryWord
        guard term.caseSensitive || declines else { return true }
        let termWords = acceptWords(of: terminal)
        // The text's words without attached endings (see `add`), paired in
        // order with the term's: as many, and each accepted.
        var paired = 0
        for position in span where position == span.lowerBound || !segment.attached[position] {
            guard paired < termWords.count else { return false }
            let termWord = termWords[paired]
            let word = segment.words[position]
            guard !term.caseSensitive || Self.foldLookAlikes(word.surface).hasPrefix(Self.foldLookAlikes(termWord.word.surface)),
                  !declines || isDeclensionForm(word.key, segment.ids[position], of: termWord.word.key, termWord.id)
            else { return false }
            paired += 1
        }
        return paired == termWords.count
    }

    /// `RussianDeclension.isForm`, remembered per pair of word numbers.
    private func isDeclensionForm(_ text: String, _ textID: Int, of term: String, _ termID: Int) -> Bool {
        let pair = textID << 32 | termID
        if let known = declensionForms[pair] { return known }
        let answer = RussianDeclension.isForm(text, of: term)
        declensionForms[pair] = answer
        return answer
    }

    /// Endings after a hyphen are no words of a term (see `add`).
    private func withoutAttachedSuffixes(_ words: some Collection<Word>) -> [Word] {
        words.enumerated().filter { $0.offset == 0 || !$0.element.afterHyphen || !inflection.isAttachedSuffix($0.element.key) }.map(\.element)
    }

    /// A term's words without attached endings, each with its key's number,
    /// tokenized once per term.
    private func acceptWords(of terminal: Terminal) -> [(word: Word, id: Int)] {
        if let known = acceptWords[terminal.number] { return known }
        let term = termBase.entries[terminal.entry].terms[terminal.term]
        let words = withoutAttachedSuffixes((try? termWords(term.displayText)) ?? []).map { word in
            let id = termWordIDs[word.key] ?? termWordIDs.count
            termWordIDs[word.key] = id
            return (word, id)
        }
        acceptWords[terminal.number] = words
        return words
    }

    /// A term's text as `closest` compares it, folded once per term.
    private func foldedText(_ terminal: Terminal) -> [Character] {
        if let known = foldedTexts[terminal.number] { return known }
        let text = Array(Self.foldLookAlikes(termBase.entries[terminal.entry].terms[terminal.term].displayText).lowercased())
        foldedTexts[terminal.number] = text
        return text
    }

    private static func foldLookAlikes(_ text: String) -> String {
        String(String.UnicodeScalarView(text.precomposedStringWithCanonicalMapping.unicodeScalars.map(MatchKey.foldLookAlike)))
    }
}
