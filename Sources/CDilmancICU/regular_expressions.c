// ICU regular expressions, the dialect SRX 2.0 rules are written in.
#include "dilmanc_icu.h"

#include <unicode/uregex.h>

struct DMRegex;  // A DMRegex* is a URegularExpression*; the cast keeps ICU's type out of the header.

static URegularExpression *icu(DMRegex *regex) { return (URegularExpression *)regex; }

_Static_assert(DM_REGEX_STACK_OVERFLOW == U_REGEX_STACK_OVERFLOW, "the header's copy of ICU's status");
_Static_assert(DM_REGEX_TIME_OUT == U_REGEX_TIME_OUT, "the header's copy of ICU's status");

DMRegex *dm_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                       int32_t *errorLine, int32_t *errorOffset, int32_t *status) {
    uint32_t icuFlags = 0;
    if (flags & DM_REGEX_CASE_INSENSITIVE) icuFlags |= UREGEX_CASE_INSENSITIVE;
    if (flags & DM_REGEX_MULTILINE) icuFlags |= UREGEX_MULTILINE;
    if (flags & DM_REGEX_DOTALL) icuFlags |= UREGEX_DOTALL;
    if (flags & DM_REGEX_COMMENTS) icuFlags |= UREGEX_COMMENTS;
    UParseError parseError = {0};
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *regex = uregex_open((const UChar *)pattern, length, icuFlags, &parseError, &code);
    *status = code;
    if (U_FAILURE(code)) {
        if (errorLine) *errorLine = parseError.line;
        if (errorOffset) *errorOffset = parseError.offset;
        if (regex) uregex_close(regex);
        return NULL;
    }
    return (DMRegex *)regex;
}

void dm_regex_close(DMRegex *regex) {
    if (regex) uregex_close(icu(regex));
}

void dm_regex_set_limits(DMRegex *regex, int32_t timeSteps, int32_t stackBytes, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    uregex_setTimeLimit(icu(regex), timeSteps, &code);
    if (U_SUCCESS(code)) uregex_setStackLimit(icu(regex), stackBytes, &code);
    *status = code;
}

void dm_regex_set_text(DMRegex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    uregex_setText(icu(regex), (const UChar *)text, length, &code);
    if (U_SUCCESS(code)) {
        // Look-behind at a start index must see the text before it.
        uregex_useTransparentBounds(icu(regex), 1, &code);
    }
    *status = code;
}

int32_t dm_regex_looking_at(DMRegex *regex, int32_t index, int32_t *end, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBool matched = uregex_lookingAt(icu(regex), index, &code);
    if (U_SUCCESS(code) && matched && end) *end = uregex_end(icu(regex), 0, &code);
    *status = code;
    return U_SUCCESS(code) && matched ? 1 : 0;
}

int32_t dm_regex_find(DMRegex *regex, int32_t from, int32_t *start, int32_t *end, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBool found = uregex_find(icu(regex), from, &code);
    if (U_SUCCESS(code) && found) {
        *start = uregex_start(icu(regex), 0, &code);
        *end = uregex_end(icu(regex), 0, &code);
    }
    *status = code;
    return U_SUCCESS(code) && found ? 1 : 0;
}
