import ArgumentParser

/// `--format`: text for people, json for programs (field names are stable).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
