import DilmancModels
import Foundation
import TranslationMemory

/// How units that share a source text become one (`memory dedupe`): pure, so
/// that the rules are tested on values.
///
/// Units are duplicates when their text in the source language is the same
/// (tags included) and so is their context: units with different contexts
/// each give an in-context match of their own, so they stay apart. A group
/// becomes its newest unit (by change date, else creation date, else the
/// later stored), into which the others fold:
/// - the same translation again adds nothing (its metadata merges);
/// - a different translation in a language is kept as an alternative, after
///   the newer ones (`Keep.alternatives`), or dropped (`Keep.newest`);
/// - a language only an older unit has is added (an en-az pair folds into
///   the en-az-ru unit it came from);
/// - the metadata merges as an import's does
///   (`TranslationUnit.mergingMetadata`): usage counts add up, notes and
///   properties unite, the earliest creation and the latest change and use
///   are kept, and missing ids and origins are filled in.
///
/// ```swift
/// let plan = DuplicateMerge.plan(group, sourceLanguage: "en", keep: .alternatives)
/// // plan.keep, plan.merged: the unit to write under that key; plan.remove: the rest
/// ```
public enum DuplicateMerge {
    /// What to do with translations that differ.
    public enum Keep: String, Sendable, CaseIterable {
        /// Keep every translation, newest first, as alternatives.
        case alternatives
        /// Keep only the newest unit's translation in each language.
        case newest
    }

    /// One group's outcome.
    public struct Plan: Sendable, Equatable {
        /// The key of the unit that stays, and what it becomes.
        public var keep: Int64
        public var merged: TranslationUnit
        /// The keys of the units folded into it.
        public var remove: [Int64]
        /// Translations kept as alternatives beside a newer one.
        public var alternatives: Int
        /// Translations dropped because a newer one differs (`Keep.newest`).
        public var dropped: Int
    }

    /// The groups of duplicates among `units` (those sharing their first text
    /// in `sourceLanguage`, and their context), two or more units each.
    public static func groups(_ units: [(key: Int64, unit: TranslationUnit)], sourceLanguage: String) -> [[(key: Int64, unit: TranslationUnit)]] {
        var groups: [GroupKey: [(key: Int64, unit: TranslationUnit)]] = [:]
        var order: [GroupKey] = []
        for entry in units {
            guard let source = entry.unit.variant(in: sourceLanguage)?.text, !source.isBlank else { continue }
            let key = GroupKey(source: source, context: entry.unit.context)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        return order.compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    }

    private struct GroupKey: Hashable {
        var source: TaggedText
        var context: Context?
    }

    /// The newest first: by change date, else creation date; the later
    /// stored (higher key) first among equals.
    static func newestFirst(_ group: [(key: Int64, unit: TranslationUnit)]) -> [(key: Int64, unit: TranslationUnit)] {
        func date(_ unit: TranslationUnit) -> Date { unit.changed?.date ?? unit.created?.date ?? .distantPast }
        return group.sorted { a, b in
            date(a.unit) != date(b.unit) ? date(a.unit) > date(b.unit) : a.key > b.key
        }
    }

    /// Folds one group of duplicates into its newest unit.
    public static func plan(_ group: [(key: Int64, unit: TranslationUnit)], sourceLanguage: String, keep: Keep) -> Plan {
        let ordered = newestFirst(group)
        var merged = ordered[0].unit
        var alternatives = 0
        // A translation two older units share is dropped once.
        var dropped: [Variant] = []
        for (_, older) in ordered.dropFirst() {
            for variant in older.variants where !variant.text.isBlank {
                let sameLanguage = merged.variants.filter { LanguageMatch.normalizedCode($0.language) == LanguageMatch.normalizedCode(variant.language) }
                if sameLanguage.contains(where: { $0.text == variant.text }) { continue }
                if sameLanguage.isEmpty {
                    merged.variants.append(variant)
                } else if keep == .alternatives {
                    merged.variants.append(variant)
                    alternatives += 1
                } else if !dropped.contains(where: { $0.language == variant.language && $0.text == variant.text }) {
                    dropped.append(variant)
                }
            }
            let texts = merged.variants
            merged = merged.mergingMetadata(of: older)
            merged.variants = texts
        }
        // A language's alternatives stand together, newest first, in the
        // order the languages first appear.
        var languages: [String] = []
        for variant in merged.variants where !languages.contains(LanguageMatch.normalizedCode(variant.language)) {
            languages.append(LanguageMatch.normalizedCode(variant.language))
        }
        merged.variants = languages.flatMap { language in merged.variants.filter { LanguageMatch.normalizedCode($0.language) == language } }
        return Plan(keep: ordered[0].key, merged: merged, remove: ordered.dropFirst().map(\.key), alternatives: alternatives, dropped: dropped.count)
    }
}
