// The system ICU, seen through plain C types.
//
// Foundation on Linux carries its own copy of ICU, and a Swift module that sees both
// fails to build (`UErrorCode` is defined twice). So this header includes no ICU
// header: every ICU call lives in the .c files of this target, and Swift sees only
// stdint types and opaque handles.
//
// Conventions: text is UTF-16 (`uint16_t`), lengths and offsets are UTF-16 code
// units, and every function that can fail takes `int32_t *status`, which follows
// ICU's `UErrorCode`: 0 is success, negative values are warnings, positive values
// are failures. `dm_error_name` names a status. Functions that fill a caller's
// buffer return the length they need, so a caller can grow the buffer and retry
// when the status is `DM_BUFFER_OVERFLOW`.
#ifndef DILMANC_ICU_H
#define DILMANC_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's U_BUFFER_OVERFLOW_ERROR.
#define DM_BUFFER_OVERFLOW 15

/// Writes ICU's version ("72.1") into `buffer` as a NUL-terminated string.
void dm_icu_version(char *buffer, int32_t capacity);

/// The symbolic name of a status code, such as "U_REGEX_RULE_SYNTAX".
const char *dm_error_name(int32_t status);

// MARK: - Conversion

/// Converts UTF-8 to UTF-16. Invalid UTF-8 fails with ICU's U_INVALID_CHAR_FOUND.
int32_t dm_utf8_to_utf16(const char *source, int32_t length,
                         uint16_t *destination, int32_t capacity, int32_t *status);

/// Converts UTF-16 to UTF-8. Unpaired surrogates fail with U_INVALID_CHAR_FOUND.
int32_t dm_utf16_to_utf8(const uint16_t *source, int32_t length,
                         char *destination, int32_t capacity, int32_t *status);

// MARK: - Break iteration

enum {
    DM_BREAK_SENTENCE = 0,
    DM_BREAK_WORD = 1,
};

/// An ICU break iterator for one kind of boundary and one locale. Not thread-safe.
typedef struct DMBreaker DMBreaker;

DMBreaker *dm_breaker_open(int32_t kind, const char *locale, int32_t *status);
void dm_breaker_close(DMBreaker *breaker);

/// Points the iterator at `text`, which is not copied: it must stay alive and
/// unchanged until the next call of `dm_breaker_set_text`.
void dm_breaker_set_text(DMBreaker *breaker, const uint16_t *text, int32_t length, int32_t *status);

/// Writes up to `capacity` further boundaries of the text, 0 and the text's end
/// included, and returns how many it wrote; 0 means there are no more. With a
/// non-NULL `ruleStatus`, each boundary's rule status is written beside it (for
/// words: 0 none, 100 number, 200 letter, 300 kana, 400 ideograph).
int32_t dm_breaker_next(DMBreaker *breaker, int32_t *boundaries, int32_t *ruleStatus, int32_t capacity);

// MARK: - Case mapping and normalization

enum {
    DM_CASE_LOWER = 0,
    DM_CASE_UPPER = 1,
    /// Full case folding. With an `az` or `tr` locale it uses the Turkic rules
    /// (I folds to ı, İ to i); with any other locale, the default rules.
    DM_CASE_FOLD = 2,
};

int32_t dm_case_map(int32_t operation, const char *locale,
                    const uint16_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *status);

enum {
    DM_NORMALIZE_NFC = 0,
    DM_NORMALIZE_NFD = 1,
    DM_NORMALIZE_NFKC = 2,
};

int32_t dm_normalize(int32_t form, const uint16_t *source, int32_t length,
                     uint16_t *destination, int32_t capacity, int32_t *status);

/// 1 when `source` is already in the normalization form, else 0.
int32_t dm_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status);

// MARK: - Character properties

enum {
    DM_CHAR_UPPERCASE_LETTER = 1,   /* \p{Lu} */
    DM_CHAR_LOWERCASE_LETTER = 2,   /* \p{Ll} */
    DM_CHAR_LETTER = 4,             /* \p{L} */
    DM_CHAR_DECIMAL_DIGIT = 8,      /* \d, \p{Nd} */
    DM_CHAR_WHITE_SPACE = 16,       /* \s as ICU's regex engine matches it */
    DM_CHAR_WORD = 32,              /* \w as ICU's regex engine matches it */
    DM_CHAR_UNASSIGNED = 64,
    DM_CHAR_BOUNDARY_TRANSPARENT = 128, /* Grapheme_Extend or Cf: what ICU's regex \b looks past */
};

/// The DM_CHAR_* flags of a code point, from the same ICU data the regular
/// expressions use.
int32_t dm_char_flags(uint32_t codePoint);

// MARK: - Regular expressions

enum {
    DM_REGEX_CASE_INSENSITIVE = 1,
    DM_REGEX_MULTILINE = 2,
    DM_REGEX_DOTALL = 4,
    DM_REGEX_COMMENTS = 8,
};

/// ICU's status when a match stops at a limit set with dm_regex_set_limits
/// (U_REGEX_TIME_OUT and U_REGEX_STACK_OVERFLOW, checked where ICU is seen).
enum {
    DM_REGEX_STACK_OVERFLOW = 66321,
    DM_REGEX_TIME_OUT = 66322,
};

/// A compiled ICU regular expression with the text it matches against.
/// Not thread-safe.
typedef struct DMRegex DMRegex;

/// Compiles `pattern`. On a syntax error, returns NULL, sets `status`, and writes
/// the 1-based line and the 0-based offset of the error in the pattern.
DMRegex *dm_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                       int32_t *errorLine, int32_t *errorOffset, int32_t *status);
void dm_regex_close(DMRegex *regex);

/// Bounds every later match: `timeSteps` steps of ICU's match engine (each
/// about 10,000 operations; 0 for none) and `stackBytes` of backtracking stack
/// (0 for none). A match that reaches one fails with DM_REGEX_TIME_OUT or
/// DM_REGEX_STACK_OVERFLOW in its status.
void dm_regex_set_limits(DMRegex *regex, int32_t timeSteps, int32_t stackBytes, int32_t *status);

/// Sets the text to match. The text is not copied: it must stay alive and
/// unchanged while the regex uses it.
void dm_regex_set_text(DMRegex *regex, const uint16_t *text, int32_t length, int32_t *status);

/// 1 when the pattern matches starting exactly at `index` (look-behind sees the
/// text before `index`), else 0. The match end is written to `end` when non-NULL.
int32_t dm_regex_looking_at(DMRegex *regex, int32_t index, int32_t *end, int32_t *status);

/// Finds the first match starting at or after `from`. Returns 1 and writes the
/// match range, or 0 when there is none.
int32_t dm_regex_find(DMRegex *regex, int32_t from, int32_t *start, int32_t *end,
                      int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
