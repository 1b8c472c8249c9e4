import Foundation

/// A comma-separated list of language codes from an option (`--to az,ru`),
/// spaces around codes and empty items dropped.
public enum LanguageList {
    public static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
