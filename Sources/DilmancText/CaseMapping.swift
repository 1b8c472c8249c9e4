import CDilmancICU

/// Locale-aware case mapping and folding through ICU.
///
/// Swift's own `lowercased()` knows no Turkic rules: it turns "İ" into "i" plus a
/// combining dot and "I" into "i", both wrong for Azerbaijani, where the pairs are
/// İ/i and I/ı. Everything in Dilmanc that compares or displays cased text goes
/// through here with the text's language.
///
/// ```swift
/// CaseMapping.lowercase("QƏRBİ AZƏRBAYCAN İCMASI", language: "az") // "qərbi azərbaycan icması"
/// CaseMapping.fold("İCMASI", language: "az") == CaseMapping.fold("icması", language: "az") // true
/// ```
public enum CaseMapping {
    public static func lowercase(_ text: String, language: String) -> String {
        map(DM_CASE_LOWER, text, language: language)
    }

    public static func uppercase(_ text: String, language: String) -> String {
        map(DM_CASE_UPPER, text, language: language)
    }

    /// Full case folding, for comparing text without regard to case. With `az` (or
    /// `tr`) it folds I to ı and İ to i; otherwise it uses the default folding.
    public static func fold(_ text: String, language: String) -> String {
        map(DM_CASE_FOLD, text, language: language)
    }

    private static func map(_ operation: Int, _ text: String, language: String) -> String {
        let source = Array(text.utf16)
        let result = try? ICUBuffer.fill(estimate: source.count + source.count / 4 + 4) { destination, capacity, status in
            dm_case_map(Int32(operation), language, source, Int32(source.count), destination, capacity, &status)
        }
        // Case mapping fails only on memory exhaustion; the text unchanged is the
        // least harmful answer there.
        return result ?? text
    }
}

/// Unicode normalization through ICU.
public enum Normalization {
    public enum Form: Int32, Sendable {
        case nfc = 0, nfd = 1, nfkc = 2
    }

    public static func normalize(_ text: String, to form: Form = .nfc) -> String {
        let source = Array(text.utf16)
        var status: Int32 = 0
        if dm_is_normalized(form.rawValue, source, Int32(source.count), &status) == 1, status <= 0 {
            return text
        }
        let result = try? ICUBuffer.fill(estimate: source.count * 2 + 4) { destination, capacity, status in
            dm_normalize(form.rawValue, source, Int32(source.count), destination, capacity, &status)
        }
        return result ?? text
    }
}

/// ICU's preflighting convention: call with a buffer, and when it is too small the
/// call reports the length it needs; grow and call again.
enum ICUBuffer {
    static func fill(
        estimate: Int,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) throws -> String {
        var capacity = max(estimate, 1)
        while true {
            var buffer = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let needed = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if status == DM_BUFFER_OVERFLOW, Int(needed) > capacity {
                capacity = Int(needed)
                continue
            }
            try ICUError.check(status, "map text")
            return String(decoding: buffer[0..<Int(needed)], as: UTF16.self)
        }
    }
}
