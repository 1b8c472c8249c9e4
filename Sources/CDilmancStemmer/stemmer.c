// libstemmer behind plain C types (see dilmanc_stemmer.h).
#include "dilmanc_stemmer.h"

#include <libstemmer.h>

struct dm_stemmer {
    struct sb_stemmer *stemmer;
};

dm_stemmer *dm_stemmer_open(const char *language) {
    struct sb_stemmer *stemmer = sb_stemmer_new(language, "UTF_8");
    return (dm_stemmer *)stemmer;
}

void dm_stemmer_close(dm_stemmer *stemmer) {
    sb_stemmer_delete((struct sb_stemmer *)stemmer);
}

const uint8_t *dm_stemmer_stem(dm_stemmer *stemmer, const uint8_t *word, int32_t length, int32_t *stem_length) {
    struct sb_stemmer *self = (struct sb_stemmer *)stemmer;
    const sb_symbol *stem = sb_stemmer_stem(self, word, length);
    if (stem == 0) return 0;
    *stem_length = sb_stemmer_length(self);
    return stem;
}
