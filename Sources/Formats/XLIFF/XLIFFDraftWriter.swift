import DilmancModels
import Foundation

/// Writes drafts as XLIFF 2.1 (the default) or 1.2, for CAT tools.
///
/// XLIFF 2.1: one `unit` per paragraph, one `segment` per sentence, the text
/// between them as `ignorable`, the best match in `target` (`state`
/// translated for 100 and 101, else initial), every match in the Matches
/// module (`mtc:match` with `matchQuality`, `origin` and the tuid as `id`;
/// a context match has `type="icm"`, a repaired one `subType="dilmanc:repaired"`),
/// the glossary terms in the Glossary module, placeholders as `ph` pointing
/// into `originalData`, and repetitions as a `dilmanc:repetition` note.
///
/// XLIFF 1.2: a `group` per paragraph, a `trans-unit` per sentence with its
/// matches as `alt-trans match-quality`, and the text between sentences as
/// `translate="no"` units, so that the document can be rebuilt.
public enum XLIFFDraftWriter {
    public enum Version: String, Sendable, CaseIterable {
        case v2 = "2.1"
        case v1 = "1.2"
    }

    public static func document(_ draft: DraftDocument, version: Version = .v2) -> String {
        version == .v2 ? xliff2(draft) : xliff1(draft)
    }

    private static func xliff2(_ draft: DraftDocument) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.1" srcLang="\(XMLEscaping.attribute(draft.sourceLanguage))" trgLang="\(XMLEscaping.attribute(draft.targetLanguage))">
              <file id="f1" original="\(XMLEscaping.attribute(draft.original))">

            """
        for unit in draft.units {
            var data: [String] = []
            func inline(_ text: TaggedText) -> String {
                text.pieces.map { piece -> String in
                    switch piece {
                    case .text(let string): return XMLEscaping.text(string)
                    case .tag(let tag):
                        data.append(tag.code)
                        return "<ph id=\"p\(data.count)\" dataRef=\"d\(data.count)\"/>"
                    }
                }.joined()
            }
            var body = ""
            var matches = ""
            var repetitions: [String] = []
            for piece in unit.pieces {
                switch piece {
                case .ignorable(let text):
                    body += "      <ignorable><source xml:space=\"preserve\">\(XMLEscaping.text(text))</source></ignorable>\n"
                case .segment(let segment):
                    body += "      <segment id=\"\(XMLEscaping.attribute(segment.id))\" state=\"\(segment.state.rawValue)\">"
                    body += "<source xml:space=\"preserve\">\(inline(segment.source))</source>"
                    if let target = segment.target { body += "<target xml:space=\"preserve\">\(inline(target))</target>" }
                    body += "</segment>\n"
                    if let first = segment.repeats { repetitions.append("\(segment.id)=\(first)") }
                    for match in segment.matches {
                        var attributes = "ref=\"#\(XMLEscaping.attribute(segment.id))\" matchQuality=\"\(min(match.score, 100))\" type=\"\(match.score > 100 ? "icm" : "tm")\""
                        if let origin = match.origin { attributes += " origin=\"\(XMLEscaping.attribute(origin))\"" }
                        if match.repaired { attributes += " subType=\"dilmanc:repaired\"" }
                        matches += "        <mtc:match \(attributes)><source xml:space=\"preserve\">\(inline(match.source))</source><target xml:space=\"preserve\">\(inline(match.target))</target></mtc:match>\n"
                    }
                }
            }
            out += "    <unit id=\"\(XMLEscaping.attribute(unit.id))\">\n"
            if !matches.isEmpty { out += "      <mtc:matches>\n\(matches)      </mtc:matches>\n" }
            if !unit.terms.isEmpty {
                out += "      <gls:glossary>\n"
                for term in distinctTerms(of: unit) {
                    out += "        <gls:glossEntry ref=\"#\(XMLEscaping.attribute(term.segment))\"><gls:term source=\"dilmanc\">\(XMLEscaping.text(term.source))</gls:term>"
                    out += term.translations.map { "<gls:translation>\(XMLEscaping.text($0))</gls:translation>" }.joined()
                    out += "</gls:glossEntry>\n"
                }
                out += "      </gls:glossary>\n"
            }
            if !repetitions.isEmpty {
                out += "      <notes>\(repetitions.map { "<note category=\"dilmanc:repetition\">\(XMLEscaping.text($0))</note>" }.joined())</notes>\n"
            }
            if !data.isEmpty {
                out += "      <originalData>\(data.enumerated().map { "<data id=\"d\($0.offset + 1)\" xml:space=\"preserve\">\(XMLEscaping.text($0.element))</data>" }.joined())</originalData>\n"
            }
            out += body + "    </unit>\n"
        }
        out += "  </file>\n</xliff>\n"
        return out
    }

    private static func xliff1(_ draft: DraftDocument) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="\(XMLEscaping.attribute(draft.original))" source-language="\(XMLEscaping.attribute(draft.sourceLanguage))" target-language="\(XMLEscaping.attribute(draft.targetLanguage))" datatype="plaintext">
                <body>

            """
        func inline(_ text: TaggedText) -> String {
            var number = 0
            return text.pieces.map { piece -> String in
                switch piece {
                case .text(let string): return XMLEscaping.text(string)
                case .tag(let tag):
                    number += 1
                    return "<ph id=\"\(number)\">\(XMLEscaping.text(tag.code))</ph>"
                }
            }.joined()
        }
        var ignorables = 0
        for unit in draft.units {
            out += "      <group id=\"\(XMLEscaping.attribute(unit.id))\">\n"
            for piece in unit.pieces {
                switch piece {
                case .ignorable(let text):
                    ignorables += 1
                    out += "        <trans-unit id=\"i\(ignorables)\" translate=\"no\" xml:space=\"preserve\"><source>\(XMLEscaping.text(text))</source></trans-unit>\n"
                case .segment(let segment):
                    // approved="yes" is what readers (translate-toolkit's pocount,
                    // Okapi) take for a confirmed translation, not a fuzzy one.
                    let approved = segment.target != nil && segment.state != .initial ? " approved=\"yes\"" : ""
                    out += "        <trans-unit id=\"\(XMLEscaping.attribute(segment.id))\"\(approved) xml:space=\"preserve\"><source>\(inline(segment.source))</source>"
                    if let target = segment.target {
                        let state = segment.state == .initial ? "needs-review-translation" : segment.state == .final ? "final" : segment.state == .reviewed ? "signed-off" : "translated"
                        out += "<target state=\"\(state)\"\(stateQualifier(of: segment))>\(inline(target))</target>"
                    }
                    for term in distinctTerms(of: unit) where term.segment == segment.id {
                        out += "<note from=\"dilmanc-glossary\">\(XMLEscaping.text(term.source)) = \(XMLEscaping.text(term.translations.joined(separator: "; ")))</note>"
                    }
                    if let first = segment.repeats { out += "<note from=\"dilmanc-repetition\">\(XMLEscaping.text(first))</note>" }
                    for match in segment.matches {
                        out += "<alt-trans match-quality=\"\(match.score)\"\(match.origin.map { " origin=\"\(XMLEscaping.attribute($0))\"" } ?? "")>"
                        out += "<source>\(inline(match.source))</source><target xml:lang=\"\(XMLEscaping.attribute(draft.targetLanguage))\">\(inline(match.target))</target></alt-trans>"
                    }
                    out += "</trans-unit>\n"
                }
            }
            out += "      </group>\n"
        }
        out += "    </body>\n  </file>\n</xliff>\n"
        return out
    }

    /// The unit's glossary terms once per segment and surface form, in
    /// order: a term repeated in a sentence is one entry, the same term in
    /// another sentence another (each points to its segment).
    static func distinctTerms(of unit: DraftUnit) -> [DraftTerm] {
        var seen = Set<[String]>()
        return unit.terms.filter { seen.insert([$0.segment, $0.source]).inserted }
    }

    /// XLIFF 1.2's `state-qualifier` for a target from memory: `exact-match`
    /// for 100 and 101, `leveraged-tm` for a match whose numbers were
    /// repaired, `fuzzy-match` below 100; none for a translator's own target.
    static func stateQualifier(of segment: DraftSegment) -> String {
        guard let best = segment.matches.first, segment.target == best.target else { return "" }
        let qualifier = best.repaired ? "leveraged-tm" : best.score >= 100 ? "exact-match" : "fuzzy-match"
        return " state-qualifier=\"\(qualifier)\""
    }
}
