// Snowball stemmers (Debian's libstemmer) behind plain C types, on the pattern
// of CDilmancICU: Swift sees only this header.
#ifndef DILMANC_STEMMER_H
#define DILMANC_STEMMER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dm_stemmer dm_stemmer;

/// A stemmer for a Snowball algorithm name or ISO 639 code ("russian", "ru"),
/// over UTF-8; NULL when libstemmer has no such algorithm.
dm_stemmer *dm_stemmer_open(const char *language);
void dm_stemmer_close(dm_stemmer *stemmer);

/// Stems `length` bytes of lowercase UTF-8 at `word`. Returns the stem's
/// bytes, valid until the next call on this stemmer, and its length in
/// *stem_length; NULL when out of memory.
const uint8_t *dm_stemmer_stem(dm_stemmer *stemmer, const uint8_t *word, int32_t length, int32_t *stem_length);

#ifdef __cplusplus
}
#endif

#endif
