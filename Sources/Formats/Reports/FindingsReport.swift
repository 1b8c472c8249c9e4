import DilmancModels
import Foundation

/// A glossary check's findings as people and programs read them: compiler-
/// style text, JSON with stable field names, and one self-contained HTML page
/// a reviewer can sort and filter.
public struct FindingsReport: Sendable {
    public struct Located: Sendable, Hashable {
        /// The input file the unit came from.
        public var file: String
        public var finding: Finding
        /// The unit's source text, and its text in the finding's language
        /// (when that is a target), so a reviewer sees the sentence at fault.
        public var source: String?
        public var target: String?

        public init(file: String, finding: Finding, source: String? = nil, target: String? = nil) {
            self.file = file
            self.finding = finding
            self.source = source
            self.target = target
        }

        /// Where `found` stands: in the target when there is one, else in the
        /// source; start and end in Unicode scalars, end exclusive. An
        /// occurrence standing alone wins over one inside a longer word or
        /// number (the address's "5", not the 5 of "15-də").
        public var span: Span? {
            guard let found = finding.found, !found.isEmpty else { return nil }
            for (text, name) in [(target, "target"), (source, "source")] {
                guard let text, let range = Self.occurrence(of: found, in: text) else { continue }
                let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
                return Span(text: name, start: start, end: start + found.unicodeScalars.count)
            }
            return nil
        }

        /// The first occurrence of `found` not glued to a letter or digit on
        /// either side, else the first occurrence.
        static func occurrence(of found: String, in text: String) -> Range<String.Index>? {
            var searched = text.startIndex..<text.endIndex
            let first = text.range(of: found)
            while let range = text.range(of: found, range: searched) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                let glued = { (character: Character?) in character.map { $0.isLetter || $0.isNumber } ?? false }
                if !glued(before), !glued(after) { return range }
                searched = text.index(after: range.lowerBound)..<text.endIndex
            }
            return first
        }
    }

    /// A marked stretch of a finding's source or target text.
    public struct Span: Sendable, Hashable, Encodable {
        /// "source" or "target".
        public var text: String
        public var start: Int
        public var end: Int
    }

    public var findings: [Located]
    /// Units checked, over all inputs.
    public var units: Int
    public var sourceLanguage: String
    public var targetLanguages: [String]
    /// Whether the findings fail the gate (`--fail-on`).
    public var failed: Bool

    public init(findings: [Located], units: Int, sourceLanguage: String, targetLanguages: [String], failed: Bool) {
        self.findings = findings
        self.units = units
        self.sourceLanguage = sourceLanguage
        self.targetLanguages = targetLanguages
        self.failed = failed
    }

    public var errorCount: Int { findings.filter { $0.finding.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.finding.severity == .warning }.count }

    /// `file:unit: severity[rule]: [lang] message`, one line each, then a
    /// summary line.
    public func text() -> String {
        var out = ""
        for located in findings {
            let f = located.finding
            out += "\(located.file):\(f.unit): \(f.severity.rawValue)[\(f.rule.rawValue)]: [\(f.language)] \(f.message)\(Self.values(of: f))\n"
        }
        out += "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s") in \(units) segment\(units == 1 ? "" : "s") (\(sourceLanguage) → \(targetLanguages.joined(separator: ", ")))\n"
        return out
    }

    /// The expected and found columns for a line of text, which has no
    /// columns: ` (expected 'Ermənistan'; found 'Ermenistan')`. Messages
    /// never repeat them, so JSON and HTML show each value once.
    static func values(of finding: Finding) -> String {
        let quoted: Set<Finding.Rule> = [.missingTerm, .forbiddenTerm, .deprecatedSourceTerm, .numberSuffix, .inconsistentTranslation]
        let show = { (value: String) in quoted.contains(finding.rule) ? "'\(value)'" : value }
        var parts: [String] = []
        if !finding.expected.isEmpty {
            parts.append("expected " + finding.expected.map(show).joined(separator: quoted.contains(finding.rule) ? " or " : ", "))
        }
        if let found = finding.found {
            parts.append("found " + show(found))
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// `{"findings": [{"file", "unit", "language", "rule", "term", "severity",
    /// "expected", "found", "message", "source", "target", "span": {"text",
    /// "start", "end"}}], "summary": {"units", "errors",
    /// "warnings", "rules", "failed"}}`: every field always present (`null`
    /// when empty), keys sorted.
    ///
    /// - Throws: `EncodingError`, which strings and counts never cause.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = JSONDocument(
            findings: findings.map { JSONFinding(located: $0) },
            summary: .init(units: units, errors: errorCount, warnings: warningCount,
                           rules: Dictionary(uniqueKeysWithValues: Finding.Rule.allCases.map { rule in (rule.rawValue, findings.filter { $0.finding.rule == rule }.count) }),
                           failed: failed))
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// The JSON contract, field for field.
    struct JSONDocument: Encodable {
        struct Summary: Encodable {
            var units: Int
            var errors: Int
            var warnings: Int
            /// Findings per rule, every rule present.
            var rules: [String: Int]
            var failed: Bool
        }

        var findings: [JSONFinding]
        var summary: Summary
    }

    struct JSONFinding: Encodable {
        var located: Located

        enum CodingKeys: String, CodingKey { case file, unit, language, rule, term, severity, expected, found, message, source, target, span }

        func encode(to encoder: Encoder) throws {
            let finding = located.finding
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(located.file, forKey: .file)
            try container.encode(finding.unit, forKey: .unit)
            try container.encode(finding.language, forKey: .language)
            try container.encode(finding.rule.rawValue, forKey: .rule)
            try container.encode(finding.term, forKey: .term)
            try container.encode(finding.severity.rawValue, forKey: .severity)
            try container.encode(finding.expected, forKey: .expected)
            try container.encode(finding.found, forKey: .found)
            try container.encode(finding.message, forKey: .message)
            try container.encode(located.source, forKey: .source)
            try container.encode(located.target, forKey: .target)
            try container.encode(located.span, forKey: .span)
        }
    }

    /// One HTML page with its styles and script inline: a summary, filters by
    /// severity, rule, language and free text, and the table of findings.
    public func html(title: String) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        /// The text with the finding's span highlighted.
        func marked(_ located: Located, _ name: String) -> String {
            guard let text = name == "source" ? located.source : located.target else { return "" }
            let label = "<span class=\"label\">\(name == "source" ? escape(sourceLanguage) : escape(located.finding.language))</span> "
            guard let span = located.span, span.text == name else { return label + escape(text) }
            let scalars = Array(text.unicodeScalars)
            func part(_ range: Range<Int>) -> String { escape(String(String.UnicodeScalarView(scalars[range]))) }
            return label + part(0..<span.start) + "<mark>" + part(span.start..<span.end) + "</mark>" + part(span.end..<scalars.count)
        }
        let rows = findings.map { located -> String in
            let f = located.finding
            return """
                <tr class="\(f.severity.rawValue)" data-severity="\(f.severity.rawValue)" data-rule="\(f.rule.rawValue)" data-language="\(escape(f.language))">\
                <td>\(escape(located.file))</td><td>\(escape(f.unit))</td><td>\(escape(f.language))</td>\
                <td class="severity">\(f.severity.rawValue)</td><td>\(f.rule.rawValue)</td><td>\(escape(f.term ?? ""))</td>\
                <td>\(escape(f.expected.joined(separator: "; ")))</td><td class="found">\(escape(f.found ?? ""))</td><td>\(escape(f.message))</td>\
                <td class="text">\(marked(located, "source"))\(located.target.map { _ in "<br>" + marked(located, "target") } ?? "")</td></tr>
                """
        }
        let rules = Set(findings.map(\.finding.rule.rawValue)).sorted()
        let languages = Set(findings.map(\.finding.language)).sorted()
        func options(_ values: [String]) -> String {
            values.map { "<option value=\"\(escape($0))\">\(escape($0))</option>" }.joined()
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; }
            h1 { font-size: 1.3em; margin: 0 0 .3em; }
            .summary { margin: 0 0 1em; }
            .summary .failed { color: #b00020; font-weight: 600; }
            .summary .passed { color: #1b6e20; font-weight: 600; }
            .filters { display: flex; gap: .8em; margin-bottom: .8em; flex-wrap: wrap; }
            .filters label { font-size: .9em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; position: sticky; top: 0; cursor: pointer; }
            tr.error td.severity { color: #b00020; font-weight: 600; }
            tr.warning td.severity { color: #8a5a00; }
            td.found { font-family: ui-monospace, monospace; }
            td.text { min-width: 24em; }
            td.text .label { color: #666; font-size: .85em; }
            mark { background: #ffe08a; }
            /* A phone: each finding a card, the text under its facts. */
            @media (max-width: 700px) {
              table, tbody, tr, td { display: block; width: auto; }
              thead { display: none; }
              tr { border-bottom: 1px solid #ccc; padding: .5em 0; }
              td { border: none; padding: .1em 0; display: inline; }
              td:nth-child(1), td:nth-child(7), td:nth-child(8) { display: none; }
              td:nth-child(2)::after, td:nth-child(3)::after, td:nth-child(4)::after, td:nth-child(5)::after, td:nth-child(6)::after { content: " · "; color: #999; }
              td:nth-child(9), td.text { display: block; min-width: 0; margin-top: .2em; }
            }
            tr.hidden { display: none; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="summary"><span class="\(failed ? "failed" : "passed")">\(failed ? "FAILED" : "PASSED")</span>: \
            <span id="errors">\(errorCount)</span> errors, <span id="warnings">\(warningCount)</span> warnings in \(units) units \
            (\(escape(sourceLanguage)) → \(escape(targetLanguages.joined(separator: ", ")))). Showing <span id="shown">\(findings.count)</span>.</p>
            <div class="filters">
            <label>Severity <select id="severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option></select></label>
            <label>Rule <select id="rule"><option value="">all</option>\(options(rules))</select></label>
            <label>Language <select id="language"><option value="">all</option>\(options(languages))</select></label>
            <label>Search <input id="search" type="search" placeholder="term, unit, text"></label>
            </div>
            <table id="findings">
            <thead><tr><th>File</th><th>Unit</th><th>Lang</th><th>Severity</th><th>Rule</th><th>Term</th><th>Expected</th><th>Found</th><th>Message</th><th>Text</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            <script>
            (function () {
              var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
              var controls = ['severity', 'rule', 'language', 'search'].map(function (id) { return document.getElementById(id); });
              function apply() {
                var severity = controls[0].value, rule = controls[1].value, language = controls[2].value;
                var search = controls[3].value.toLowerCase(), shown = 0;
                rows.forEach(function (row) {
                  var visible = (!severity || row.dataset.severity === severity) && (!rule || row.dataset.rule === rule)
                    && (!language || row.dataset.language === language) && (!search || row.textContent.toLowerCase().indexOf(search) >= 0);
                  row.classList.toggle('hidden', !visible);
                  if (visible) shown++;
                });
                document.getElementById('shown').textContent = shown;
              }
              controls.forEach(function (control) { control.addEventListener('input', apply); control.addEventListener('change', apply); });
              var params = new URLSearchParams(location.search);
              ['severity', 'rule', 'language', 'search'].forEach(function (id, i) { if (params.get(id)) controls[i].value = params.get(id); });
              document.querySelectorAll('#findings th').forEach(function (header, column) {
                header.addEventListener('click', function () {
                  var body = document.querySelector('#findings tbody');
                  rows.sort(function (a, b) { return a.cells[column].textContent.localeCompare(b.cells[column].textContent); });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
              apply();
            })();
            </script>
            </body>
            </html>

            """
    }
}
