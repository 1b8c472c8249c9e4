import CDilmancICU

/// Locale-aware case mapping and folding through ICU.
///
/// Swift's own `lowercased()` knows no Turkic rules: it turns "İ" into "i" plus a
/// combining dot and "I" into "i", both wrong for Azerbaijani, where the pairs are
/// İ/i and I/ı. Everything in Dilmanc that compares or displays cased text goes
/// through here with the text's language.
///
/// ```swift
/// try CaseMapping.lowercase("QƏRBİ AZƏRBAYCAN İCMASI", language: "az") // "qərbi azərbaycan icması"
/// try CaseMapping.fold("İCMASI", language: "az") == CaseMapping.fold("icması", language: "az") // true
/// ```
///
/// Each function throws `ICUError` when ICU reports a failure (in practice only
/// memory exhaustion), rather than answering with the text unchanged.
public enum CaseMapping {
    public static func lowercase(_ text: String, language: String) throws -> String {
        try map(DM_CASE_LOWER, text, language: language)
    }

    public static func uppercase(_ text: String, language: String) throws -> String {
        try map(DM_CASE_UPPER, text, language: language)
    }

    /// Full case folding, for comparing text without regard to case. With `az` (or
    /// `tr`) it folds I to ı and İ to i; otherwise it uses the default folding.
    public static func fold(_ text: String, language: String) throws -> String {
        try map(DM_CASE_FOLD, text, language: language)
    }

    private static func map(_ operation: Int, _ text: String, language: String) throws -> String {
        let source = Array(text.utf16)
        return try ICUBuffer.fill(estimate: source.count + source.count / 4 + 4, operation: "map case") { destination, capacity, status in
            dm_case_map(Int32(operation), language, source, Int32(source.count), destination, capacity, &status)
        }
    }
}

/// Unicode normalization through ICU.
public enum Normalization {
    public enum Form: Int32, Sendable {
        case nfc = 0, nfd = 1, nfkc = 2
    }

    /// - Throws: `ICUError` when ICU fails (its normalization data is missing).
    public static func normalize(_ text: String, to form: Form = .nfc) throws -> String {
        let source = Array(text.utf16)
        var status: Int32 = 0
        let normalized = dm_is_normalized(form.rawValue, source, Int32(source.count), &status)
        try ICUError.check(status, "check normalization")
        if normalized == 1 { return text }
        return try ICUBuffer.fill(estimate: source.count * 2 + 4, operation: "normalize") { destination, capacity, status in
            dm_normalize(form.rawValue, source, Int32(source.count), destination, capacity, &status)
        }
    }
}

/// ICU's preflighting convention: call with a buffer, and when it is too small the
/// call reports the length it needs; grow and call again.
enum ICUBuffer {
    static func fill(
        estimate: Int,
        operation: String,
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
            try ICUError.check(status, operation)
            return String(decoding: buffer[0..<Int(needed)], as: UTF16.self)
        }
    }
}
