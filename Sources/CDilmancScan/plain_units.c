// Finding the rare units of a UTF-16 text (newlines, digits, punctuation) among
// the letters and spaces it is mostly made of, 64 units per step: Swift's SIMD
// types compile these comparisons lane by lane.
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

// One bit per unit of units[0..<16], set where the unit is plain: the two
// vectors' lane masks packed to bytes (0xFFFF saturates to 0xFF).
static inline uint32_t plain_bits16(const uint16_t *units) {
    __m128i low = plain_lanes(_mm_loadu_si128((const __m128i *)units));
    __m128i high = plain_lanes(_mm_loadu_si128((const __m128i *)(units + 8)));
    return (uint32_t)_mm_movemask_epi8(_mm_packs_epi16(low, high));
}
#endif

// One bit per unit of units[0..<count] (count <= 64), set where the unit is
// not plain.
static inline uint64_t rare_bits(const uint16_t *units, int64_t count) {
#if defined(__SSE2__)
    if (count == 64) {
        uint64_t plain = (uint64_t)plain_bits16(units) | (uint64_t)plain_bits16(units + 16) << 16 |
                         (uint64_t)plain_bits16(units + 32) << 32 | (uint64_t)plain_bits16(units + 48) << 48;
        return ~plain;
    }
#endif
    uint64_t rare = 0;
    for (int64_t k = 0; k < count; k++) {
        if (!dm_utf16_is_plain(units[k])) rare |= (uint64_t)1 << k;
    }
    return rare;
}

void dm_scan_start(DMScanCursor *cursor, int64_t from) {
    cursor->base = from;
    cursor->next = from;
    cursor->pending = 0;
}

int64_t dm_scan_next(DMScanCursor *cursor, const uint16_t *units, int64_t end, const uint8_t *flags) {
    for (;;) {
        // The units of the chunk not yet looked at that are not plain: most
        // chunks hold a few (a period, a newline, digits), so the table is
        // read only for them, and a chunk costs one branch per rare unit
        // rather than a mispredicted exit from a vector loop.
        while (cursor->pending != 0) {
            int64_t i = cursor->base + __builtin_ctzll(cursor->pending);
            cursor->pending &= cursor->pending - 1;
            if (flags[units[i]] != 0) return i;
        }
        int64_t chunk = cursor->next;
        if (chunk >= end) return end;
        int64_t count = end - chunk < 64 ? end - chunk : 64;
        cursor->base = chunk;
        cursor->next = chunk + count;
        cursor->pending = rare_bits(units + chunk, count);
    }
}

int64_t dm_utf16_next_flagged(const uint16_t *units, int64_t from, int64_t end, const uint8_t *flags) {
    DMScanCursor cursor;
    dm_scan_start(&cursor, from);
    return dm_scan_next(&cursor, units, end, flags);
}
