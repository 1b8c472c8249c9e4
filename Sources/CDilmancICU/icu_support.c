// Version, status names and UTF-8 conversion.
#include "dilmanc_icu.h"

#include <unicode/uversion.h>
#include <unicode/utypes.h>
#include <unicode/ustring.h>

void dm_icu_version(char *buffer, int32_t capacity) {
    if (capacity <= 0) return;
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    int32_t i = 0;
    for (; text[i] != 0 && i < capacity - 1; i++) buffer[i] = text[i];
    buffer[i] = 0;
}

const char *dm_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

int32_t dm_utf8_to_utf16(const char *source, int32_t length,
                         uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t needed = 0;
    u_strFromUTF8((UChar *)destination, capacity, &needed, source, length, &code);
    *status = code;
    return needed;
}

int32_t dm_utf16_to_utf8(const uint16_t *source, int32_t length,
                         char *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(destination, capacity, &needed, (const UChar *)source, length, &code);
    *status = code;
    return needed;
}
