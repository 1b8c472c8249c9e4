// Finding the rare units of a UTF-16 text (newlines, digits, punctuation) among
// the letters and spaces it is mostly made of, eight units per step: Swift's
// SIMD types compile these comparisons lane by lane.
#include "dilmanc_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>

// A mask of 0xFFFF lanes where `v` is plain: dm_utf16_is_plain, eight lanes at
// once. SSE2 has no unsigned 16-bit comparison; `a <= b` is a saturating
// `a - b` of zero.
static inline __m128i plain_lanes(__m128i v) {
    const __m128i zero = _mm_setzero_si128();
    __m128i letter = _mm_sub_epi16(_mm_or_si128(v, _mm_set1_epi16(0x20)), _mm_set1_epi16(0x61));
    letter = _mm_cmpeq_epi16(_mm_subs_epu16(letter, _mm_set1_epi16(25)), zero);
    __m128i extended = _mm_sub_epi16(v, _mm_set1_epi16(0xC0));
    extended = _mm_cmpeq_epi16(_mm_subs_epu16(extended, _mm_set1_epi16(0x46F)), zero);
    __m128i space = _mm_cmpeq_epi16(v, _mm_set1_epi16(0x20));
    __m128i comma = _mm_cmpeq_epi16(v, _mm_set1_epi16(0x2C));
    return _mm_or_si128(_mm_or_si128(letter, extended), _mm_or_si128(space, comma));
}
#endif

int64_t dm_utf16_next_flagged(const uint16_t *units, int64_t from, int64_t end, const uint8_t *flags) {
    int64_t i = from;
    while (i < end) {
#if defined(__SSE2__)
        if (i + 8 <= end) {
            int mask = _mm_movemask_epi8(plain_lanes(_mm_loadu_si128((const __m128i *)(units + i))));
            if (mask == 0xFFFF) {
                i += 8;
                continue;
            }
            // Two mask bits per lane: skip to the first lane that is not plain.
            i += __builtin_ctz(~mask & 0xFFFF) >> 1;
        }
#endif
        if (!dm_utf16_is_plain(units[i]) && flags[units[i]] != 0) return i;
        i++;
    }
    return end;
}
