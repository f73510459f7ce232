/* unicodedb.c — the Unicode Character Database lookups of src/unicodedb.h.

   Everything minipy knows about characters comes from here: the general
   category, the identifier and str.is*() properties, the full case
   mappings, character names (unicodedata.name, the \N{...} escape) and
   NFKC normalisation of identifiers.  This file only reads tables; they
   are generated at build time by tools/gen_unicodedb.c from the UCD text
   files into build/gen/unicodedb_tables.h, which is included here and
   nowhere else.  The tables hold no code: every function that reads them
   is below.

   Per-code-point properties: a two-stage table
   ---------------------------------------------
   Every code point has a record: category, flags (F_XID_START,
   F_PRINTABLE, ...), canonical combining class, decimal and digit values,
   and its four full case mappings.  There are only a few hundred distinct
   records, stored once in records[].  The code point space is cut into
   blocks of 2^prop_SHIFT code points, and identical blocks are stored once:

        cp = 0x00E9:  hi = cp >> prop_SHIFT     lo = cp & (2^prop_SHIFT - 1)

        prop_index1[hi] ──► block number b
        prop_index2[b << prop_SHIFT | lo] ──► record number r
        records[r] ──► { lower, upper, title, fold, flags, category, ... }

        prop_index1 (one entry per block of code points)
        +----+----+----+----+----+----+----+-----+
        |  0 |  1 |  2 |  3 |  4 |  5 |  5 | ... |   most of the space is
        +----+----+----+----+----+----+----+-----+   "unassigned": one block
           |    |               \    |             shared by thousands
           v    v                v   v
        prop_index2 (distinct blocks only, 2^prop_SHIFT entries each)
        +---------------+---------------+-- ... --+
        | 0 0 0 1 1 2 ..| 3 3 3 3 4 ... |         |
        +---------------+---------------+-- ... --+

   Invariants: record 0 is that of an unassigned code point (category Cn,
   no flags, no digit value), and it is the answer for anything past
   0x10FFFF.  The generator picks the block size that makes the two arrays
   smallest.

   A case mapping in a record is a delta to add to the code point, so that
   the thousands of letters whose lower case is "cp + 32" share a record.
   A mapping to more than one code point ('ß'.upper() == "SS") is instead
   CASE_EXT + i, and case_ext[i] is the count, the code points follow:

        records[r].upper == CASE_EXT + i
        case_ext:  ... | 2 | 0x53 | 0x53 | ...      "SS"
                         ^i

   NFKC
   ----
   The same two-stage scheme (decomp_index1/2, decomp_SHIFT) maps a code
   point to an offset into decomp_data[], 0 meaning "none": decomp_data[off]
   is a length, the code points of the full decomposition (compatibility
   and canonical, already applied recursively) follow.  Hangul syllables
   are decomposed arithmetically instead.  Composition is a binary search
   of comp_pairs[], the sorted (first, second) pairs of the primary
   composites, whose results are in comp_result[].

   Names
   -----
   A name is cut into tokens, each a word with the separator after it
   ("LATIN ", "SMALL ", "LETTER ", "A").  A name is stored as the byte
   string of its token numbers, ended by 0; frequent tokens take one byte
   (1..NAME_ONE_BYTE), the others two (a lead byte above NAME_ONE_BYTE,
   then the low 8 bits).  name_lexicon[] holds the token texts, the last
   character of each marked by its high bit.  Both are indexed sparsely,
   every 16th name and every 8th token, and decoding skips forward:

        cp ──► name number i (the rank of cp among the named code points)
        name_stream[name_stream_offset[i / 16]], skip i % 16 names
            ──► token numbers t1 t2 ... 0
        name_lexicon[name_lexicon_offset[t / 8]], skip t % 8 tokens
            ──► "LATIN " "SMALL " "LETTER " "A"

   Names are stored in code point order, so the name number of a code
   point is its rank among named code points: per block of 128 code
   points, a 128-bit map (name_bits[4 * name_rank_map[block]], distinct
   maps stored once) and the count of names before the block
   (name_rank_base).  Named code points lie in planes 0-2 and in
   0xE0000..0xE01FF, which is folded onto 0x30000.  Name numbers
   NAME_COUNT and up are the aliases of NameAliases.txt (name_alias_cp
   gives their code points); name_sorted[] lists every name number in the
   order of the name texts, for the binary search of MpUnicode_Lookup.
   CJK unified ideographs (cjk_ranges) and Hangul syllables (jamo_l/v/t)
   are named by rule and not stored.

   CPython counterpart: Objects/unicodectype.c (gettyperecord, the
   _PyUnicode_Is* predicates, _PyUnicode_ToLowerFull and friends) and
   Modules/unicodedata.c (_getucname, _getcode, nfc_nfkc); their tables
   come from Tools/unicode/makeunicodedata.py, as ours come from
   tools/gen_unicodedb.c.  CPython finds a name with a hash table; minipy
   uses a binary search over the sorted names, with the same results.

   Read first: prop_lookup, then get_record and MpUnicode_Lookup. */
#include <stdlib.h>
#include <string.h>

#include "unicodedb.h"
#include "unicodedb_tables.h"

/* {====== Two-stage lookup ====== */

/* The record number of cp (0 past 0x10FFFF): see the top of this file. */
static inline unsigned
prop_lookup(uint32_t cp)
{
    if (cp >= 0x110000) {
        return 0;
    }
    unsigned block = prop_index1[cp >> prop_SHIFT];
    return prop_index2[(block << prop_SHIFT)
                       + (cp & ((1u << prop_SHIFT) - 1))];
}

/* The offset of cp's decomposition in decomp_data, 0 for none. */
static inline unsigned
decomp_lookup(uint32_t cp)
{
    if (cp >= 0x110000) {
        return 0;
    }
    unsigned block = decomp_index1[cp >> decomp_SHIFT];
    return decomp_index2[(block << decomp_SHIFT)
                         + (cp & ((1u << decomp_SHIFT) - 1))];
}
/* }====== */

/* {====== Character properties ====== */

/* The record of cp; code points past 0x10FFFF get record 0, which the
   generator reserves for unassigned code points. */
static inline const db_record *
get_record(uint32_t cp)
{
    return &records[prop_lookup(cp)];
}

static inline int
has_flag(uint32_t cp, unsigned flag)
{
    return (get_record(cp)->flags & flag) != 0;
}

const char *
MpUnicode_Category(uint32_t cp)
{
    return category_names[get_record(cp)->category];
}

int
MpUnicode_IsXIDStart(uint32_t cp)
{
    return has_flag(cp, F_XID_START);
}

int
MpUnicode_IsXIDContinue(uint32_t cp)
{
    return has_flag(cp, F_XID_CONTINUE);
}

int
MpUnicode_IsPrintable(uint32_t cp)
{
    return has_flag(cp, F_PRINTABLE);
}

int
MpUnicode_IsSpace(uint32_t cp)
{
    return has_flag(cp, F_SPACE);
}

int
MpUnicode_DecimalValue(uint32_t cp)
{
    return get_record(cp)->decimal;
}

int
MpUnicode_DigitValue(uint32_t cp)
{
    return get_record(cp)->digit;
}

int
MpUnicode_IsNumeric(uint32_t cp)
{
    return has_flag(cp, F_NUMERIC);
}

int
MpUnicode_IsAlpha(uint32_t cp)
{
    return has_flag(cp, F_ALPHA);
}

int
MpUnicode_IsLower(uint32_t cp)
{
    return has_flag(cp, F_LOWER);
}

int
MpUnicode_IsUpper(uint32_t cp)
{
    return has_flag(cp, F_UPPER);
}

int
MpUnicode_IsCased(uint32_t cp)
{
    return has_flag(cp, F_CASED);
}

int
MpUnicode_IsCaseIgnorable(uint32_t cp)
{
    return has_flag(cp, F_CASE_IGNORABLE);
}

int
MpUnicode_IsTitle(uint32_t cp)
{
    return has_flag(cp, F_TITLE);
}
/* }====== */

/* {====== Case mappings ====== */

/* Expands a record's case mapping value v for cp into out. */
static int
case_mapping(uint32_t cp, int32_t v, uint32_t out[3])
{
    if (v >= CASE_EXT) {
        const uint32_t *e = &case_ext[v - CASE_EXT];
        for (uint32_t i = 0; i < e[0]; i++) {
            out[i] = e[1 + i];
        }
        return (int)e[0];
    }
    out[0] = (uint32_t)((int32_t)cp + v);
    return 1;
}

int
MpUnicode_ToLower(uint32_t cp, uint32_t out[3])
{
    return case_mapping(cp, get_record(cp)->lower, out);
}

int
MpUnicode_ToUpper(uint32_t cp, uint32_t out[3])
{
    return case_mapping(cp, get_record(cp)->upper, out);
}

int
MpUnicode_ToTitle(uint32_t cp, uint32_t out[3])
{
    return case_mapping(cp, get_record(cp)->title, out);
}

int
MpUnicode_CaseFold(uint32_t cp, uint32_t out[3])
{
    return case_mapping(cp, get_record(cp)->fold, out);
}
/* }====== */

/* {====== Names ====== */

/* Hangul syllables (The Unicode Standard, section 3.12):
   S = SBASE + (L * VCOUNT + V) * TCOUNT + T, and the name is
   "HANGUL SYLLABLE " + the jamo short names of L, V and T. */
enum {
    SBASE = 0xAC00, LBASE = 0x1100, VBASE = 0x1161, TBASE = 0x11A7,
    LCOUNT = 19, VCOUNT = 21, TCOUNT = 28,
    NCOUNT = VCOUNT * TCOUNT, SCOUNT = LCOUNT * NCOUNT,
};

static int
is_unified_ideograph(uint32_t cp)
{
    size_t n = sizeof cjk_ranges / sizeof cjk_ranges[0];
    for (size_t i = 0; i < n; i++) {
        if (cp >= cjk_ranges[i][0] && cp <= cjk_ranges[i][1]) {
            return 1;
        }
    }
    return 0;
}

/* The text of token num, ended by a character with the high bit set. */
static const uint8_t *
token_text(uint32_t num)
{
    const uint8_t *p = &name_lexicon[name_lexicon_offset[num / 8]];
    for (uint32_t i = num % 8; i > 0; i--) {
        while (!(*p++ & 0x80)) {
        }
    }
    return p;
}

/* Reads one token number at *s, advancing it; -1 at a name's end. */
static long
next_token(const uint8_t **s)
{
    uint32_t b = *(*s)++;
    if (b == 0) {
        return -1;
    }
    if (b <= NAME_ONE_BYTE) {
        return (long)b - 1;
    }
    uint32_t low = *(*s)++;
    return NAME_ONE_BYTE + ((b - NAME_ONE_BYTE - 1) << 8 | low);
}

/* Writes name number i (NUL-terminated) into buf, which has room for
   NAME_MAX_LEN + 1 bytes; returns its length. */
static size_t
decode_name(uint32_t i, char *buf)
{
    const uint8_t *s = &name_stream[name_stream_offset[i / 16]];
    for (uint32_t k = i % 16; k > 0; k--) {
        while (next_token(&s) >= 0) {
        }
    }
    size_t n = 0;
    long num;
    while ((num = next_token(&s)) >= 0) {
        const uint8_t *t = token_text((uint32_t)num);
        do {
            buf[n++] = (char)(*t & 0x7F);
        } while (!(*t++ & 0x80));
    }
    buf[n] = 0;
    return n;
}

/* The name number of cp: its rank among named code points, or -1. */
static long
name_number(uint32_t cp)
{
    if (cp >= 0xE0000 && cp < 0xE0200) {
        cp -= 0xE0000 - 0x30000;  // plane 14's names follow plane 2's
    } else if (cp >= 0x30000) {
        return -1;
    }
    uint32_t b = cp / 128, i = cp % 128;
    const uint32_t *w = &name_bits[4 * name_rank_map[b]];
    if (!((w[i / 32] >> (i % 32)) & 1)) {
        return -1;
    }
    long rank = name_rank_base[b];
    for (uint32_t k = 0; k < i / 32; k++) {
        rank += __builtin_popcount(w[k]);
    }
    uint32_t below = w[i / 32] & ((1u << (i % 32)) - 1);
    return rank + __builtin_popcount(below);
}

/* The inverse of name_number, for name numbers of aliases too.  The
   block holding name num is the last one whose base is <= num: every
   later block starts after the names of this one. */
static uint32_t
name_code_point(uint32_t num)
{
    if (num >= NAME_COUNT) {
        return name_alias_cp[num - NAME_COUNT];
    }
    uint32_t lo = 0, hi = NAME_RANK_BLOCKS;  // base[lo] <= num
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (name_rank_base[mid] <= num) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    uint32_t left = num - name_rank_base[lo];
    const uint32_t *w = &name_bits[4 * name_rank_map[lo]];
    uint32_t i;
    for (i = 0; i < 128; i++) {
        if ((w[i / 32] >> (i % 32)) & 1) {
            if (left == 0) {
                break;
            }
            left--;
        }
    }
    uint32_t cp = lo * 128 + i;
    return cp >= 0x30000 ? cp + (0xE0000 - 0x30000) : cp;
}

/* Appends the NUL-terminated s at buf + *n. */
static void
append(char *buf, size_t *n, const char *s)
{
    size_t k = strlen(s);
    memcpy(buf + *n, s, k + 1);
    *n += k;
}

int
MpUnicode_Name(uint32_t cp, char *buf, size_t n)
{
    char tmp[NAME_MAX_LEN + 32];
    size_t len = 0;
    if (cp >= SBASE && cp < SBASE + SCOUNT) {
        uint32_t s = cp - SBASE;
        append(tmp, &len, "HANGUL SYLLABLE ");
        append(tmp, &len, jamo_l[s / NCOUNT]);
        append(tmp, &len, jamo_v[(s % NCOUNT) / TCOUNT]);
        append(tmp, &len, jamo_t[s % TCOUNT]);
    } else if (is_unified_ideograph(cp)) {
        append(tmp, &len, "CJK UNIFIED IDEOGRAPH-");
        int digits = cp > 0xFFFF ? 5 : 4;
        for (int i = digits - 1; i >= 0; i--) {
            tmp[len++] = "0123456789ABCDEF"[(cp >> (4 * i)) & 0xF];
        }
        tmp[len] = 0;
    } else {
        long i = name_number(cp);
        if (i < 0) {
            return -1;
        }
        len = decode_name((uint32_t)i, tmp);
    }
    if (len + 1 > n) {
        return -1;
    }
    memcpy(buf, tmp, len + 1);
    return (int)len;
}

/* The longest jamo short name of table (count entries) that starts s;
   returns its index and advances s, or -1. */
static int
find_jamo(const char *const *table, int count, const char **s,
          const char *end)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t k = strlen(table[i]);
        if (k <= (size_t)(end - *s) && memcmp(*s, table[i], k) == 0
            && (best < 0 || k > best_len)) {
            best = i;
            best_len = k;
        }
    }
    *s += best_len;
    return best;
}

/* "HANGUL SYLLABLE GAG" -> U+AC01.  Like CPython, the syllable part
   must be upper case and each jamo is matched greedily. */
static int32_t
lookup_hangul(const char *s, const char *end)
{
    int l = find_jamo(jamo_l, LCOUNT, &s, end);
    int v = find_jamo(jamo_v, VCOUNT, &s, end);
    int t = find_jamo(jamo_t, TCOUNT, &s, end);
    if (l < 0 || v < 0 || t < 0 || s != end) {
        return -1;
    }
    return SBASE + (l * VCOUNT + v) * TCOUNT + t;
}

/* "CJK UNIFIED IDEOGRAPH-" + 4 or 5 upper-case hex digits naming a
   unified ideograph. */
static int32_t
lookup_ideograph(const char *s, size_t len)
{
    uint32_t v = 0;
    if (len != 4 && len != 5) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            v = v * 16 + (uint32_t)(c - '0');
        } else if (c >= 'A' && c <= 'F') {
            v = v * 16 + (uint32_t)(c - 'A' + 10);
        } else {
            return -1;
        }
    }
    return is_unified_ideograph(v) ? (int32_t)v : -1;
}

int32_t
MpUnicode_Lookup(const char *name, size_t len)
{
    static const char hangul[] = "HANGUL SYLLABLE ";
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    char key[NAME_MAX_LEN + 1], entry[NAME_MAX_LEN + 1];

    /* The algorithmic names are matched case-sensitively, as in
       CPython; a failed Hangul match still tries the stored names, a
       failed ideograph does not. */
    if (len > sizeof hangul - 1
        && memcmp(name, hangul, sizeof hangul - 1) == 0) {
        const char *rest = name + sizeof hangul - 1;
        int32_t cp = lookup_hangul(rest, name + len);
        if (cp >= 0) {
            return cp;
        }
    }
    size_t ncjk = sizeof cjk - 1;
    if (len >= ncjk && memcmp(name, cjk, ncjk) == 0) {
        return lookup_ideograph(name + ncjk, len - ncjk);
    }
    if (len > NAME_MAX_LEN) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        key[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    /* Binary search of the names sorted by their text. */
    size_t lo = 0, hi = NAME_COUNT + NAME_ALIAS_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        size_t elen = decode_name(name_sorted[mid], entry);
        int c = memcmp(key, entry, len < elen ? len : elen);
        if (c == 0) {
            c = len < elen ? -1 : len > elen;
        }
        if (c == 0) {
            return (int32_t)name_code_point(name_sorted[mid]);
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return -1;
}
/* }====== */

/* {====== NFKC ====== */

static inline int
combining_class(uint32_t cp)
{
    return get_record(cp)->ccc;
}

/* The primary composite of a followed by b, or 0 (U+0000 is nobody's
   composite). */
static uint32_t
compose_pair(uint32_t a, uint32_t b)
{
    if (a >= LBASE && a < LBASE + LCOUNT && b >= VBASE
        && b < VBASE + VCOUNT) {
        return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
    }
    if (a >= SBASE && a < SBASE + SCOUNT && (a - SBASE) % TCOUNT == 0
        && b > TBASE && b < TBASE + TCOUNT) {
        return a + (b - TBASE);
    }
    size_t lo = 0, hi = NCOMPOSITIONS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t x = comp_pairs[2 * mid], y = comp_pairs[2 * mid + 1];
        if (a == x && b == y) {
            return comp_result[mid];
        }
        if (a < x || (a == x && b < y)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return 0;
}

/* Decomposes in[0..n) into *buf (growing it on the heap past the stack
   buffer `small`); returns the length, or -1 when out of memory. */
static long
decompose(const uint32_t *in, size_t n, uint32_t **buf, size_t *cap,
          uint32_t *small)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = in[i];
        uint32_t parts[3];
        const uint32_t *src = &cp;
        size_t k = 1;
        unsigned off = decomp_lookup(cp);
        if (cp >= SBASE && cp < SBASE + SCOUNT) {
            uint32_t s = cp - SBASE;
            parts[0] = LBASE + s / NCOUNT;
            parts[1] = VBASE + (s % NCOUNT) / TCOUNT;
            parts[2] = TBASE + s % TCOUNT;
            src = parts;
            k = parts[2] == TBASE ? 2 : 3;
        } else if (off != 0) {
            src = &decomp_data[off + 1];
            k = decomp_data[off];
        }
        if (len + k > *cap) {
            size_t ncap = (*cap) * 2 + k;
            size_t bytes = ncap * sizeof **buf;
            uint32_t *p = *buf == small ? malloc(bytes)
                                        : realloc(*buf, bytes);
            if (p == NULL) {
                return -1;
            }
            if (*buf == small) {
                memcpy(p, small, len * sizeof *p);
            }
            *buf = p;
            *cap = ncap;
        }
        memcpy(*buf + len, src, k * sizeof *src);
        len += k;
    }
    return (long)len;
}

/* Postcondition: each run of non-starters is sorted by combining class,
   stably (insertion sort never moves a character past a starter, whose
   class 0 is below every non-starter's). */
static void
canonical_order(uint32_t *s, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        uint32_t c = s[i];
        int cc = combining_class(c);
        if (cc == 0) {
            continue;
        }
        size_t j = i;
        while (j > 0 && combining_class(s[j - 1]) > cc) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = c;
    }
}

/* Canonical composition (UAX #15): a character combines with the last
   starter unless something between them blocks it (a character of class
   0 or of a class >= its own).  Returns the new length. */
static size_t
compose(uint32_t *s, size_t len)
{
    if (len == 0) {
        return 0;
    }
    size_t starter = 0, out = 1;
    int last_class = combining_class(s[0]);
    int have_starter = last_class == 0;
    for (size_t i = 1; i < len; i++) {
        uint32_t c = s[i];
        int cc = combining_class(c);
        if (have_starter && (last_class < cc || last_class == 0)) {
            uint32_t composite = compose_pair(s[starter], c);
            if (composite != 0) {
                s[starter] = composite;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
            have_starter = 1;
        }
        last_class = cc;
        s[out++] = c;
    }
    return out;
}

long
MpUnicode_NFKC(const uint32_t *in, size_t n, uint32_t *out, size_t cap)
{
    uint32_t small[256];
    uint32_t *buf = small;
    size_t bufcap = sizeof small / sizeof small[0];
    long len = decompose(in, n, &buf, &bufcap, small);
    if (len >= 0) {
        canonical_order(buf, (size_t)len);
        len = (long)compose(buf, (size_t)len);
        if ((size_t)len > cap) {
            len = -1;
        } else {
            memcpy(out, buf, (size_t)len * sizeof *out);
        }
    }
    if (buf != small) {
        free(buf);
    }
    return len;
}
/* }====== */
