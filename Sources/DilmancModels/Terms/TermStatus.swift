import Foundation

/// How far a term is approved, as TBX's `administrativeStatus` says.
///
/// Preferred and admitted terms are what a translation must use; deprecated
/// (forbidden) and superseded ones must not appear. A check reports a
/// deprecated term as an error and a superseded one as a warning: superseded
/// names were correct once and still appear in quotations.
public enum TermStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case preferred, admitted, deprecated, superseded

    public var isApproved: Bool { self == .preferred || self == .admitted }

    /// Reads the TBX values (`preferredTerm-admn-sts`), their short forms, and
    /// the words glossaries use in a CSV status column (`approved`,
    /// `forbidden`, `obsolete`…).
    public init?(name: String) {
        let word = name.lowercased().replacingOccurrences(of: "term-admn-sts", with: "").trimmingCharacters(in: .whitespaces)
        switch word {
        case "preferred", "preferredterm", "approved", "standardized", "normative", "": self = .preferred
        case "admitted", "admittedterm", "allowed", "acceptable", "variant": self = .admitted
        case "deprecated", "deprecatedterm", "forbidden", "notrecommended", "not recommended", "rejected": self = .deprecated
        case "superseded", "supersededterm", "obsolete", "legacy": self = .superseded
        default: return nil
        }
    }

    /// The TBX picklist value.
    public var tbxValue: String { rawValue + "Term-admn-sts" }
}
