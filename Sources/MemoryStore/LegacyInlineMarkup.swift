import DilmancModels
import Foundation

/// Inline tags as memories before schema v3 stored them: TMX element names as
/// kinds, and each tag's content as escaped TMX markup. Migration v3 reads
/// them with this and writes format-neutral `InlineTag`s.
///
/// `sub` elements become subflows and a `hi`'s content one subflow. Inline
/// elements nested inside a `sub` or a `hi` (rare in practice) keep their
/// text but lose their own markup.
enum LegacyInlineMarkup {
    private struct Text: Decodable {
        var pieces: [Piece]
    }

    private enum Piece: Decodable {
        case text(String)
        case tag(Tag)
    }

    private struct Tag: Decodable {
        var kind: String
        var attributes: [String: String]
        var content: String
    }

    /// The neutral form of a stored `markup` value, or nil when `json` is not
    /// in the legacy form.
    static func convert(_ json: String) -> TaggedText? {
        guard let legacy = try? JSONDecoder().decode(Text.self, from: Data(json.utf8)) else { return nil }
        return TaggedText(legacy.pieces.map { piece in
            switch piece {
            case .text(let text): return .text(text)
            case .tag(let tag): return .tag(convert(tag))
            }
        })
    }

    private static func convert(_ tag: Tag) -> InlineTag {
        let kind: InlineTag.Kind = switch tag.kind {
        case "bpt": .opening
        case "ept": .closing
        case "it": .isolated
        case "hi": .highlight
        default: .standalone
        }
        if kind == .highlight {
            let text = plainText(tag.content)
            return InlineTag(kind: .highlight, attributes: tag.attributes, content: text.isEmpty ? [] : [.subflow(TaggedText(text))])
        }
        var content: [InlineTag.Content] = []
        var rest = Substring(tag.content)
        while let open = rest.range(of: "<sub") {
            let code = unescape(rest[..<open.lowerBound])
            if !code.isEmpty { content.append(.code(code)) }
            guard let start = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[start...].range(of: "</sub>") else { rest = rest[open.lowerBound...]; break }
            content.append(.subflow(TaggedText(plainText(rest[rest.index(after: start)..<close.lowerBound]))))
            rest = rest[close.upperBound...]
        }
        let code = unescape(rest)
        if !code.isEmpty { content.append(.code(code)) }
        return InlineTag(kind: kind, attributes: tag.attributes, content: content)
    }

    /// Text of an XML fragment: elements dropped, entities replaced.
    private static func plainText(_ xml: some StringProtocol) -> String {
        var text = ""
        var inTag = false
        for character in xml {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { text.append(character) }
        }
        return unescape(text)
    }

    private static func unescape(_ xml: some StringProtocol) -> String {
        String(xml).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
