/// `--format` of reports: text for people, json for programs (field names
/// are stable).
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json
}
