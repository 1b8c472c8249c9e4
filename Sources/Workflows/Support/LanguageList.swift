import Foundation
import DilmancModels

/// A comma-separated list of language codes from an option (`--to az,ru`),
/// spaces around codes and empty items dropped, each checked as a BCP 47 tag.
public enum LanguageList {
    public static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The tags of `text`, in order, without repeats.
    ///
    /// - Throws: `DilmancError` of kind `usage` naming the first code that is
    ///   not a language tag, or when the list is empty.
    public static func tags(_ text: String, option: String) throws -> [LanguageTag] {
        var tags: [LanguageTag] = []
        for code in parse(text) {
            guard let tag = try? LanguageTag(validating: code) else {
                throw DilmancError(.usage, (option.isEmpty ? "" : option + ": ") + "'\(code)' is not a language code (BCP 47, such as en, az or ru-RU)")
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        guard !tags.isEmpty else { throw DilmancError(.usage, (option.isEmpty ? "the list" : option) + " needs at least one language") }
        return tags
    }
}
