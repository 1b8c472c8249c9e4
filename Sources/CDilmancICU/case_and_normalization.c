// Locale-aware case mapping, case folding and normalization.
#include "dilmanc_icu.h"

#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

static int is_turkic(const char *locale) {
    if (locale == NULL) return 0;
    return (strncmp(locale, "az", 2) == 0 || strncmp(locale, "tr", 2) == 0) &&
           (locale[2] == 0 || locale[2] == '_' || locale[2] == '-');
}

int32_t dm_case_map(int32_t operation, const char *locale,
                    const uint16_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t needed = 0;
    switch (operation) {
    case DM_CASE_LOWER:
        needed = u_strToLower((UChar *)destination, capacity, (const UChar *)source, length, locale, &code);
        break;
    case DM_CASE_UPPER:
        needed = u_strToUpper((UChar *)destination, capacity, (const UChar *)source, length, locale, &code);
        break;
    case DM_CASE_FOLD: {
        uint32_t options = is_turkic(locale) ? U_FOLD_CASE_EXCLUDE_SPECIAL_I : U_FOLD_CASE_DEFAULT;
        needed = u_strFoldCase((UChar *)destination, capacity, (const UChar *)source, length, options, &code);
        break;
    }
    default:
        code = U_ILLEGAL_ARGUMENT_ERROR;
    }
    *status = code;
    return needed;
}

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *code) {
    switch (form) {
    case DM_NORMALIZE_NFC: return unorm2_getNFCInstance(code);
    case DM_NORMALIZE_NFD: return unorm2_getNFDInstance(code);
    case DM_NORMALIZE_NFKC: return unorm2_getNFKCInstance(code);
    default:
        *code = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
}

int32_t dm_normalize(int32_t form, const uint16_t *source, int32_t length,
                     uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *instance = normalizer(form, &code);
    int32_t needed = 0;
    if (U_SUCCESS(code)) {
        needed = unorm2_normalize(instance, (const UChar *)source, length,
                                  (UChar *)destination, capacity, &code);
    }
    *status = code;
    return needed;
}

int32_t dm_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *instance = normalizer(form, &code);
    UBool result = 0;
    if (U_SUCCESS(code)) {
        result = unorm2_isNormalized(instance, (const UChar *)source, length, &code);
    }
    *status = code;
    return result ? 1 : 0;
}
