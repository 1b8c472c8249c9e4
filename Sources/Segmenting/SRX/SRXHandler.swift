import DilmancXML

/// The state of one SRX read: the rule set, rule and pattern being built from
/// the pull reader's events.
struct SRXHandler {
    /// SRX 2.0's, SRX 1.0's, and none (files that declare no namespace).
    static let srxNamespaces: Set<String> = ["", "http://www.lisa.org/srx20", "http://www.lisa.org/srx10"]

    let origin: String
    private(set) var sawRoot = false
    private(set) var cascade = false
    private(set) var languageRules: [SRXLanguageRule] = []
    private(set) var maps: [SRXLanguageMap] = []

    private var currentRuleSet: SRXLanguageRule?
    private var currentRule: (isBreak: Bool, line: Int)?
    private var before: String?
    private var after: String?
    private var text: String?
    /// How deep inside an element of another namespace the reader is.
    private var depthInForeign = 0

    init(origin: String) {
        self.origin = origin
    }

    /// Takes the next event; `reader` tells the element's namespace and line.
    ///
    /// - Throws: `SRXError` naming the file and line for an entity reference or
    ///   a rule without the parts SRX requires.
    mutating func handle(_ event: XMLPullReader.Event, from reader: XMLPullReader) throws {
        switch event {
        case .start(_, let attributes):
            try start(reader.localName, attributes: attributes, namespace: reader.namespaceURI ?? "", line: reader.line)
        case .end:
            end(reader.localName)
        case .text(let string):
            if depthInForeign == 0, text != nil { text! += string }
        case .entityReference(let name):
            throw SRXError(origin: origin, line: reader.line, message: "entity reference &\(name); is refused (SRX needs none; entities can read other files or expand without bound)")
        }
    }

    private mutating func start(_ name: String, attributes: [String: String], namespace: String, line: Int) throws {
        func failure(_ message: String) -> SRXError { SRXError(origin: origin, line: line, message: message) }
        if depthInForeign > 0 || !Self.srxNamespaces.contains(namespace) {
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
                throw failure("<languagerule> lacks its languagerulename attribute")
            }
            currentRuleSet = SRXLanguageRule(name: ruleName, rules: [])
        case "rule":
            guard currentRuleSet != nil else { throw failure("<rule> outside a <languagerule>") }
            let value = attributes["break"]?.lowercased() ?? "yes"
            guard value == "yes" || value == "no" else {
                throw failure("rule has break=\"\(value)\"; it must be \"yes\" or \"no\"")
            }
            currentRule = (value == "yes", line)
            before = nil
            after = nil
        case "beforebreak", "afterbreak":
            guard currentRule != nil else { throw failure("<\(name)> outside a <rule>") }
            text = ""
        case "languagemap":
            guard let pattern = attributes["languagepattern"], let ruleName = attributes["languagerulename"] else {
                throw failure("<languagemap> needs languagepattern and languagerulename attributes")
            }
            maps.append(SRXLanguageMap(languagePattern: pattern, languageRuleName: ruleName, line: line))
        default:
            break
        }
    }

    private mutating func end(_ name: String) {
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
}
