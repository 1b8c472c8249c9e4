// Character categories as ICU's regular expressions see them.
#include "dilmanc_icu.h"

#include <unicode/uchar.h>

int32_t dm_char_flags(uint32_t codePoint) {
    UChar32 c = (UChar32)codePoint;
    int32_t flags = 0;
    int8_t type = u_charType(c);
    switch (type) {
    case U_UPPERCASE_LETTER: flags |= DM_CHAR_UPPERCASE_LETTER | DM_CHAR_LETTER; break;
    case U_LOWERCASE_LETTER: flags |= DM_CHAR_LOWERCASE_LETTER | DM_CHAR_LETTER; break;
    case U_TITLECASE_LETTER: case U_MODIFIER_LETTER: case U_OTHER_LETTER: flags |= DM_CHAR_LETTER; break;
    case U_DECIMAL_DIGIT_NUMBER: flags |= DM_CHAR_DECIMAL_DIGIT; break;
    case U_UNASSIGNED: flags |= DM_CHAR_UNASSIGNED; break;
    default: break;
    }
    // ICU's regex \s is the White_Space property.
    if (u_isUWhiteSpace(c)) flags |= DM_CHAR_WHITE_SPACE;
    // ICU's regex \w: [\p{Alphabetic}\p{Mark}\p{Nd}\p{Pc}\u200c\u200d].
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_COMBINING_SPACING_MARK || type == U_DECIMAL_DIGIT_NUMBER || type == U_CONNECTOR_PUNCTUATION ||
        c == 0x200C || c == 0x200D) {
        flags |= DM_CHAR_WORD;
    }
    // ICU's regex \b (RegexMatcher::isChunkWordBoundary, without UREGEX_UWORD)
    // is never before one of these, and looks past them for the character before.
    if (u_hasBinaryProperty(c, UCHAR_GRAPHEME_EXTEND) || type == U_FORMAT_CHAR) flags |= DM_CHAR_BOUNDARY_TRANSPARENT;
    return flags;
}
