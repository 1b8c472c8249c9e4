// Scanning UTF-16 text 64 units at a time, with SSE2 where the machine has
// it: Swift's SIMD types compile these comparisons lane by lane. No library.
#ifndef DILMANC_SCAN_H
#define DILMANC_SCAN_H

#include <stdint.h>

/// Whether `unit` is one of the units most of a text is made of: an ASCII
/// letter, a space, a comma, or U+00C0 to U+052F (Latin-1 letters, Latin
/// Extended, combining marks, Greek, Cyrillic). No ICU: a plain test that
/// `dm_scan_next` makes on 64 units at once.
static inline int dm_utf16_is_plain(uint16_t unit) {
    return (uint16_t)((unit | 0x20) - 0x61) < 26 || unit == 0x20 || unit == 0x2C || (uint16_t)(unit - 0xC0) < 0x470;
}

/// Where a scan for flagged units stands: `dm_scan_next` hands them out one at
/// a time from the non-plain units of a 64-unit chunk, `pending`.
typedef struct {
    /// The chunk's first offset: bit k of `pending` is unit base + k.
    int64_t base;
    /// Where the next chunk starts.
    int64_t next;
    uint64_t pending;
} DMScanCursor;

/// Starts a scan at `from`.
void dm_scan_start(DMScanCursor *cursor, int64_t from);

/// The next offset before `end` (the same at every call of a scan) whose unit
/// has a nonzero byte in `flags` (65,536 bytes, one per unit), or `end`.
/// Units `dm_utf16_is_plain` accepts are skipped without a look at `flags`,
/// 64 at a time: their flags must be zero.
int64_t dm_scan_next(DMScanCursor *cursor, const uint16_t *units, int64_t end, const uint8_t *flags);

/// The first offset in [from, end) whose unit has a nonzero byte in `flags`,
/// or `end`: one step of a scan started at `from`.
int64_t dm_utf16_next_flagged(const uint16_t *units, int64_t from, int64_t end, const uint8_t *flags);

#endif
