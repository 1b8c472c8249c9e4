import DilmancText
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads SRX 1.0 and 2.0 rule files, including those OmegaT and Okapi write.
///
/// Elements from other namespaces (Okapi's `okpsrx:options`, `okpsrx:sample`) and
/// `formathandle` are skipped: Dilmanc segments plain text. External entities are
/// never resolved, so a rule file cannot read other files.
public enum SRXReader {
    /// - Throws: `SRXError` naming the file and line for malformed XML, a missing
    ///   or unreadable file, or a rule without the parts SRX requires.
    public static func read(contentsOf url: URL) throws -> SRXDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SRXError(origin: url.path, line: 0, message: "cannot read the rule file: \((error as NSError).localizedDescription)")
        }
        return try read(data: data, origin: url.path)
    }

    public static func read(data: Data, origin: String) throws -> SRXDocument {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let handler = Handler(origin: origin, parser: parser)
        parser.delegate = handler
        let ok = parser.parse()
        if let failure = handler.failure { throw failure }
        guard ok else {
            let reason = parser.parserError.map(XMLParseFailure.reason) ?? "malformed XML"
            throw SRXError(origin: origin, line: parser.lineNumber, message: "malformed XML at column \(parser.columnNumber): \(reason)")
        }
        guard handler.sawRoot else {
            throw SRXError(origin: origin, line: 1, message: "not an SRX file: the root element must be <srx>")
        }
        return SRXDocument(cascade: handler.cascade, languageRules: handler.languageRules, languageMaps: handler.maps, origin: origin)
    }
}

private final class Handler: NSObject, XMLParserDelegate {
    static let srxNamespaces: Set<String> = ["", "http://www.lisa.org/srx20", "http://www.lisa.org/srx10"]

    let origin: String
    unowned let parser: XMLParser
    var failure: SRXError?
    var sawRoot = false
    var cascade = false
    var languageRules: [SRXLanguageRule] = []
    var maps: [SRXLanguageMap] = []

    private var currentRuleSet: SRXLanguageRule?
    private var currentRule: (isBreak: Bool, line: Int)?
    private var before: String?
    private var after: String?
    private var text: String?
    private var depthInForeign = 0

    init(origin: String, parser: XMLParser) {
        self.origin = origin
        self.parser = parser
    }

    private func fail(_ message: String) {
        guard failure == nil else { return }
        failure = SRXError(origin: origin, line: parser.lineNumber, message: message)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if depthInForeign > 0 || !Self.srxNamespaces.contains(namespaceURI ?? "") {
            depthInForeign += 1
            return
        }
        switch name {
        case "srx":
            sawRoot = true
        case "header":
            // SRX 2.0 requires the attribute; SRX 1.0 has none and never cascades.
            cascade = attributes["cascade"]?.lowercased() == "yes"
        case "languagerule":
            guard let ruleName = attributes["languagerulename"] else {
                return fail("<languagerule> lacks its languagerulename attribute")
            }
            currentRuleSet = SRXLanguageRule(name: ruleName, rules: [])
        case "rule":
            guard currentRuleSet != nil else { return fail("<rule> outside a <languagerule>") }
            let value = attributes["break"]?.lowercased() ?? "yes"
            guard value == "yes" || value == "no" else {
                return fail("rule has break=\"\(value)\"; it must be \"yes\" or \"no\"")
            }
            currentRule = (value == "yes", parser.lineNumber)
            before = nil
            after = nil
        case "beforebreak", "afterbreak":
            guard currentRule != nil else { return fail("<\(name)> outside a <rule>") }
            text = ""
        case "languagemap":
            guard let pattern = attributes["languagepattern"], let ruleName = attributes["languagerulename"] else {
                return fail("<languagemap> needs languagepattern and languagerulename attributes")
            }
            maps.append(SRXLanguageMap(languagePattern: pattern, languageRuleName: ruleName, line: parser.lineNumber))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depthInForeign == 0, text != nil { text! += string }
    }

    func parser(_ parser: XMLParser, foundCDATA data: Data) {
        if depthInForeign == 0, text != nil { text! += String(decoding: data, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if depthInForeign > 0 {
            depthInForeign -= 1
            return
        }
        switch name {
        case "beforebreak":
            before = text
            text = nil
        case "afterbreak":
            after = text
            text = nil
        case "rule":
            guard let rule = currentRule else { return }
            currentRuleSet?.rules.append(SRXRule(isBreak: rule.isBreak, beforeBreak: before ?? "", afterBreak: after ?? "", origin: origin, line: rule.line))
            currentRule = nil
        case "languagerule":
            if let set = currentRuleSet { languageRules.append(set) }
            currentRuleSet = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        let reason = XMLParseFailure.reason(parseError)
        failure = SRXError(origin: origin, line: parser.lineNumber, message: "malformed XML at column \(parser.columnNumber): \(reason)")
    }
}
