/* gen_unicodedb.c — build-time generator of minipy's Unicode tables.

   Usage:  gen_unicodedb UCD_DIR > build/gen/unicodedb_tables.h

   It reads the text files of the Unicode Character Database (Debian's
   unicode-data package installs them in /usr/share/unicode):

     UnicodeData.txt             category, combining class, bidi class,
                                 decomposition, decimal/digit/numeric fields,
                                 simple case mappings, names; "<..., First>"
                                 and "<..., Last>" lines are ranges
     DerivedCoreProperties.txt   XID_Start, XID_Continue, Lowercase,
                                 Uppercase, Cased, Case_Ignorable
     SpecialCasing.txt           full case mappings (unconditional lines only)
     CaseFolding.txt             full case folding (status C and F)
     DerivedNormalizationProps   Full_Composition_Exclusion (for NFKC)
     NameAliases.txt             extra names accepted by \N{...}
     Jamo.txt                    short names of the Hangul jamo
     Unihan_NumericValues.txt    (optional, plain or .bz2) CJK characters
                                 with a numeric value, for str.isnumeric

   and writes the tables of src/unicodedb.c to stdout, as the header
   build/gen/unicodedb_tables.h: data, and the constants and struct
   definitions the data needs, but no code.  src/unicodedb.c, the only
   file that includes it, holds the lookup functions and draws the layout
   of every table at its top; read it first.  CPython's counterpart is
   Tools/unicode/makeunicodedata.py, which writes
   Objects/unicodetype_db.h, Modules/unicodedata_db.h and
   Modules/unicodename_db.h.

   What is decided here rather than there:

   - Two-stage tables (emit_two_stage): every block size 2^SHIFT with SHIFT
     from 3 to 10 is tried, and the one giving the smallest pair of arrays
     is kept.  Identical blocks are found with a hash table.
   - Records (emit_records): record 0 is reserved for unassigned code
     points, which the lookup also answers past 0x10FFFF.  Case mappings
     are stored as deltas; those of more than one code point go to
     case_ext[] (see case_value).
   - Names (emit_names): tokens are numbered by decreasing frequency, so
     that the most common ones fit in one byte (NAME_ONE_BYTE is the
     largest count that leaves room for the two-byte ones).  NameAliases
     entries get the name numbers after the real names.

   Read first: main, then emit_records and emit_names. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCP 0x110000

/* {====== Error handling and input ====== */
static const char *ucd_dir;

static void
die(const char *fmt, ...)
{
    va_list ap;
    fputs("gen_unicodedb: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void *
xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (p == NULL) {
        die("out of memory");
    }
    return p;
}

static void *
xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (p == NULL) {
        die("out of memory");
    }
    return p;
}

static char *
xstrdup(const char *s)
{
    char *p = xmalloc(strlen(s) + 1);
    strcpy(p, s);
    return p;
}

static FILE *
open_ucd(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ucd_dir, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        die("cannot open %s: %s (is the unicode-data package installed?)",
            path, strerror(errno));
    }
    return f;
}

/* Splits line at ';' into at most max fields, trimming blanks; a '#'
   comment is dropped first.  Returns the number of fields (0 for a blank
   or comment line). */
static int
split_fields(char *line, char **fields, int max)
{
    char *hash = strchr(line, '#');
    if (hash) {
        *hash = '\0';
    }
    char *p = line;
    while (isspace((unsigned char)*p)) {
        p++;
    }
    if (*p == '\0') {
        return 0;
    }
    int n = 0;
    for (;;) {
        char *end = strchr(p, ';');
        if (end) {
            *end = '\0';
        }
        while (isspace((unsigned char)*p)) {
            p++;
        }
        char *q = p + strlen(p);
        while (q > p && isspace((unsigned char)q[-1])) {
            *--q = '\0';
        }
        if (n < max) {
            fields[n++] = p;
        }
        if (end == NULL) {
            break;
        }
        p = end + 1;
    }
    return n;
}

static uint32_t
parse_cp(const char *s, const char *file)
{
    char *end;
    unsigned long v = strtoul(s, &end, 16);
    if (end == s || v >= NCP) {
        die("%s: bad code point '%s'", file, s);
    }
    return (uint32_t)v;
}

/* "0041..005A" or "0041" */
static void
parse_range(const char *s, uint32_t *first, uint32_t *last, const char *file)
{
    *first = parse_cp(s, file);
    const char *dots = strstr(s, "..");
    *last = dots ? parse_cp(dots + 2, file) : *first;
}

/* Parses "0053 0073" into out (at most max); returns the count. */
static int
parse_cps(const char *s, uint32_t *out, int max, const char *file)
{
    int n = 0;
    while (*s) {
        while (*s == ' ') {
            s++;
        }
        if (*s == '\0') {
            break;
        }
        char *end;
        unsigned long v = strtoul(s, &end, 16);
        if (end == s || v >= NCP || n == max) {
            die("%s: bad code point list '%s'", file, s);
        }
        out[n++] = (uint32_t)v;
        s = end;
    }
    return n;
}
/* }====== */

/* {====== The per-code-point data gathered from the files ====== */
static const char *const categories[] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd",
    "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm",
    "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
};
#define NCATEGORIES (sizeof categories / sizeof categories[0])

/* Record flags, written out as the F_ constants src/unicodedb.c tests. */
enum {
    F_XID_START = 1 << 0,
    F_XID_CONTINUE = 1 << 1,
    F_PRINTABLE = 1 << 2,
    F_SPACE = 1 << 3,
    F_ALPHA = 1 << 4,
    F_LOWER = 1 << 5,
    F_UPPER = 1 << 6,
    F_CASED = 1 << 7,
    F_CASE_IGNORABLE = 1 << 8,
    F_TITLE = 1 << 9,
    F_NUMERIC = 1 << 10,
};

/* A case mapping value: a delta to add to the code point, or, when at
   least CASE_EXT, CASE_EXT + an index into case_ext[]. */
#define CASE_EXT 0x40000000

typedef struct {
    uint8_t category;
    uint8_t ccc;
    uint8_t bidi_space;  // bidi class WS, B or S
    int8_t decimal;
    int8_t digit;
    uint8_t numeric;
    uint16_t flags;
    uint32_t upper1, lower1, title1;  // simple mappings (cp itself if none)
    int32_t full[4];  // lower, upper, title, fold: delta or CASE_EXT + i
    char *decomp;     // decomposition field, NULL if none
    char *name;       // NULL for none
} cpinfo;

static cpinfo *info;

typedef struct {
    uint32_t first, last;
} range;
static range cjk[32];
static int ncjk;

static uint32_t *case_ext;  // [len, cp, cp, ...] ...
static size_t ncase_ext, cap_case_ext;

static int
category_index(const char *s)
{
    for (size_t i = 0; i < NCATEGORIES; i++) {
        if (strcmp(categories[i], s) == 0) {
            return (int)i;
        }
    }
    die("UnicodeData.txt: unknown category '%s'", s);
    return 0;
}

static void
read_unicode_data(void)
{
    FILE *f = open_ucd("UnicodeData.txt");
    char *line = NULL;
    size_t cap = 0;
    long first = -1;  // pending "<..., First>" code point
    while (getline(&line, &cap, f) > 0) {
        char *fld[16];
        if (split_fields(line, fld, 16) == 0) {
            continue;
        }
        uint32_t cp = parse_cp(fld[0], "UnicodeData.txt");
        const char *name = fld[1];
        size_t nlen = strlen(name);
        uint32_t lo = cp;
        if (nlen > 8 && strcmp(name + nlen - 8, ", First>") == 0) {
            first = cp;
            continue;
        }
        if (nlen > 7 && strcmp(name + nlen - 7, ", Last>") == 0) {
            if (first < 0) {
                die("UnicodeData.txt: %s without First", name);
            }
            lo = (uint32_t)first;
            if (strncmp(name, "<CJK Ideograph", 14) == 0) {
                if (ncjk == 32) {
                    die("UnicodeData.txt: too many CJK ranges");
                }
                cjk[ncjk].first = lo;
                cjk[ncjk++].last = cp;
            }
        }
        first = -1;
        for (uint32_t c = lo; c <= cp; c++) {
            cpinfo *r = &info[c];
            r->category = (uint8_t)category_index(fld[2]);
            r->ccc = (uint8_t)atoi(fld[3]);
            r->bidi_space = strcmp(fld[4], "WS") == 0
                            || strcmp(fld[4], "B") == 0
                            || strcmp(fld[4], "S") == 0;
            r->decimal = fld[6][0] ? (int8_t)atoi(fld[6]) : -1;
            r->digit = fld[7][0] ? (int8_t)atoi(fld[7]) : -1;
            r->numeric = fld[8][0] != '\0';
            r->upper1 = fld[12][0] ? parse_cp(fld[12], "UnicodeData") : c;
            r->lower1 = fld[13][0] ? parse_cp(fld[13], "UnicodeData") : c;
            /* An empty title mapping means "same as the upper one". */
            r->title1 = fld[14][0] ? parse_cp(fld[14], "UnicodeData")
                                   : r->upper1;
            if (lo == cp) {
                if (fld[5][0]) {
                    r->decomp = xstrdup(fld[5]);
                }
                if (name[0] != '<') {
                    r->name = xstrdup(name);
                }
            }
        }
    }
    free(line);
    fclose(f);
}

/* Calls set(cp, property) for every "range ; property" line. */
static void
read_property_file(const char *file,
                   void (*set)(uint32_t first, uint32_t last,
                               const char *prop))
{
    FILE *f = open_ucd(file);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *fld[4];
        if (split_fields(line, fld, 4) < 2) {
            continue;
        }
        uint32_t first, last;
        parse_range(fld[0], &first, &last, file);
        set(first, last, fld[1]);
    }
    free(line);
    fclose(f);
}

static void
set_core_property(uint32_t first, uint32_t last, const char *prop)
{
    static const struct {
        const char *name;
        uint16_t flag;
    } props[] = {
        {"XID_Start", F_XID_START},   {"XID_Continue", F_XID_CONTINUE},
        {"Lowercase", F_LOWER},       {"Uppercase", F_UPPER},
        {"Cased", F_CASED},           {"Case_Ignorable", F_CASE_IGNORABLE},
    };
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        if (strcmp(prop, props[i].name) == 0) {
            for (uint32_t c = first; c <= last; c++) {
                info[c].flags |= props[i].flag;
            }
        }
    }
}

static uint8_t *comp_excluded;  // Full_Composition_Exclusion

static void
set_norm_property(uint32_t first, uint32_t last, const char *prop)
{
    if (strcmp(prop, "Full_Composition_Exclusion") == 0) {
        for (uint32_t c = first; c <= last; c++) {
            comp_excluded[c] = 1;
        }
    }
}

/* Appends a mapping of n code points to case_ext[]; returns its value as
   stored in a record. */
static int32_t
case_value(uint32_t cp, const uint32_t *m, int n)
{
    if (n == 1) {
        return (int32_t)m[0] - (int32_t)cp;
    }
    if (ncase_ext + n + 1 > cap_case_ext) {
        cap_case_ext = cap_case_ext * 2 + 64;
        case_ext = xrealloc(case_ext, cap_case_ext * sizeof *case_ext);
    }
    size_t at = ncase_ext;
    case_ext[ncase_ext++] = (uint32_t)n;
    for (int i = 0; i < n; i++) {
        case_ext[ncase_ext++] = m[i];
    }
    return CASE_EXT + (int32_t)at;
}

/* Full mappings: SpecialCasing's unconditional lines override the simple
   mappings; CaseFolding's C and F lines give the fold (a character without
   one folds to itself). */
static void
read_casing(void)
{
    for (uint32_t c = 0; c < NCP; c++) {
        cpinfo *r = &info[c];
        r->full[0] = (int32_t)r->lower1 - (int32_t)c;
        r->full[1] = (int32_t)r->upper1 - (int32_t)c;
        r->full[2] = (int32_t)r->title1 - (int32_t)c;
        r->full[3] = 0;
    }
    FILE *f = open_ucd("SpecialCasing.txt");
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *fld[8];
        int n = split_fields(line, fld, 8);
        if (n < 4 || (n >= 5 && fld[4][0] != '\0')) {
            continue;  // blank, or a conditional mapping
        }
        uint32_t cp = parse_cp(fld[0], "SpecialCasing.txt");
        static const int order[3] = {0, 2, 1};  // file: lower, title, upper
        for (int i = 0; i < 3; i++) {
            uint32_t m[3];
            int k = parse_cps(fld[1 + i], m, 3, "SpecialCasing.txt");
            info[cp].full[order[i]] = case_value(cp, m, k);
        }
    }
    fclose(f);
    f = open_ucd("CaseFolding.txt");
    while (getline(&line, &cap, f) > 0) {
        char *fld[4];
        if (split_fields(line, fld, 4) < 3) {
            continue;
        }
        if (strcmp(fld[1], "C") != 0 && strcmp(fld[1], "F") != 0) {
            continue;
        }
        uint32_t cp = parse_cp(fld[0], "CaseFolding.txt");
        uint32_t m[3];
        int k = parse_cps(fld[2], m, 3, "CaseFolding.txt");
        info[cp].full[3] = case_value(cp, m, k);
    }
    free(line);
    fclose(f);
}

/* The Unihan numeric values are shipped compressed; bzip2 is asked to
   unpack them.  Without them, CJK numerals such as U+4E00 are not
   isnumeric() (a difference from CPython); this is a warning, not an
   error.  Returns 1 when the data was read. */
static int
read_unihan_numeric(void)
{
    char path[4096];
    FILE *f;
    int piped = 0;
    snprintf(path, sizeof path, "%s/Unihan_NumericValues.txt", ucd_dir);
    f = fopen(path, "r");
    if (f == NULL) {
        char cmd[4200];
        snprintf(path, sizeof path, "%s/Unihan_NumericValues.txt.bz2",
                 ucd_dir);
        f = fopen(path, "r");
        if (f == NULL) {
            fprintf(stderr, "gen_unicodedb: warning: no %s; CJK numerals "
                    "will not be isnumeric()\n", path);
            return 0;
        }
        fclose(f);
        snprintf(cmd, sizeof cmd, "bzip2 -dc '%s' 2>/dev/null", path);
        f = popen(cmd, "r");
        piped = 1;
        if (f == NULL) {
            fprintf(stderr, "gen_unicodedb: warning: cannot run bzip2 on "
                    "%s\n", path);
            return 0;
        }
    }
    char *line = NULL;
    size_t cap = 0;
    int count = 0;
    while (getline(&line, &cap, f) > 0) {
        if (strncmp(line, "U+", 2) != 0 || strstr(line, "Numeric") == NULL) {
            continue;
        }
        uint32_t cp = parse_cp(line + 2, "Unihan_NumericValues.txt");
        info[cp].numeric = 1;
        count++;
    }
    free(line);
    int status = piped ? pclose(f) : fclose(f);
    if (status != 0 || count == 0) {
        fprintf(stderr, "gen_unicodedb: warning: could not read %s; CJK "
                "numerals will not be isnumeric()\n", path);
        return 0;
    }
    return 1;
}

static void
derive_flags(void)
{
    for (uint32_t c = 0; c < NCP; c++) {
        cpinfo *r = &info[c];
        const char *cat = categories[r->category];
        if (c == ' ' || !(strchr("CZ", cat[0]))) {
            r->flags |= F_PRINTABLE;  // not Cc Cf Cs Co Cn Zl Zp Zs
        }
        if (r->bidi_space || strcmp(cat, "Zs") == 0) {
            r->flags |= F_SPACE;
        }
        if (cat[0] == 'L' && strchr("ultmo", cat[1])) {
            r->flags |= F_ALPHA;
        }
        if (strcmp(cat, "Lt") == 0) {
            r->flags |= F_TITLE;
        }
        if (r->numeric) {
            r->flags |= F_NUMERIC;
        }
    }
}
/* }====== */

/* {====== Output helpers ====== */
static const char *
uint_type(uint32_t max)
{
    return max < 0x100 ? "uint8_t" : max < 0x10000 ? "uint16_t" : "uint32_t";
}

static size_t
uint_size(uint32_t max)
{
    return max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
}

static size_t total_bytes;  // of all tables, for the report

/* Writes `static const TYPE name[n] = {...};` with lines under 80
   columns. */
static void
emit_array(const char *type, const char *name, const uint32_t *v, size_t n)
{
    uint32_t max = 0;
    for (size_t i = 0; i < n; i++) {
        max = v[i] > max ? v[i] : max;
    }
    if (type == NULL) {
        type = uint_type(max);
    }
    total_bytes += n * (strstr(type, "8") ? 1 : strstr(type, "16") ? 2
                        : strstr(type, "64") ? 8 : 4);
    printf("static const %s %s[%zu] = {\n", type, name, n ? n : 1);
    int col = 0;
    for (size_t i = 0; i < n; i++) {
        char buf[16];
        int len = snprintf(buf, sizeof buf, "%u,", (unsigned)v[i]);
        if (col == 0) {
            fputs("   ", stdout);
            col = 3;
        }
        if (col + 1 + len > 78) {
            fputs("\n   ", stdout);
            col = 3;
        }
        printf(" %s", buf);
        col += 1 + len;
    }
    if (n == 0) {
        fputs("    0,", stdout);
    }
    puts("\n};");
}

/* Two-stage table of values[0..NCP): picks the block size that makes the
   two arrays smallest, writes PREFIX_SHIFT and PREFIX_index1/2 (read by
   prop_lookup and decomp_lookup in src/unicodedb.c). */
static void
emit_two_stage(const char *prefix, const uint32_t *values)
{
    uint32_t vmax = 0;
    for (uint32_t c = 0; c < NCP; c++) {
        vmax = values[c] > vmax ? values[c] : vmax;
    }
    int best_shift = -1;
    size_t best_size = (size_t)-1;
    uint32_t *best1 = NULL, *best2 = NULL;
    size_t best_n2 = 0;
    for (int shift = 3; shift <= 10; shift++) {
        uint32_t bsize = 1u << shift;
        uint32_t nblocks = NCP >> shift;
        uint32_t *idx1 = xmalloc(nblocks * sizeof *idx1);
        uint32_t *idx2 = xmalloc((size_t)NCP * sizeof *idx2);
        /* Hash table of the distinct blocks found so far. */
        uint32_t hsize = 1;
        while (hsize < nblocks * 2) {
            hsize <<= 1;
        }
        int32_t *htab = xmalloc(hsize * sizeof *htab);
        memset(htab, 0xff, hsize * sizeof *htab);
        uint32_t ndistinct = 0;
        for (uint32_t b = 0; b < nblocks; b++) {
            const uint32_t *blk = values + (size_t)b * bsize;
            uint32_t h = 2166136261u;
            for (uint32_t i = 0; i < bsize; i++) {
                h = (h ^ blk[i]) * 16777619u;
            }
            uint32_t slot = h & (hsize - 1);
            while (htab[slot] >= 0
                   && memcmp(idx2 + (size_t)htab[slot] * bsize, blk,
                             bsize * sizeof *blk) != 0) {
                slot = (slot + 1) & (hsize - 1);
            }
            if (htab[slot] < 0) {
                htab[slot] = (int32_t)ndistinct;
                memcpy(idx2 + (size_t)ndistinct * bsize, blk,
                       bsize * sizeof *blk);
                ndistinct++;
            }
            idx1[b] = (uint32_t)htab[slot];
        }
        free(htab);
        size_t size = nblocks * uint_size(ndistinct - 1)
                      + (size_t)ndistinct * bsize * uint_size(vmax);
        if (size < best_size) {
            free(best1);
            free(best2);
            best_size = size;
            best_shift = shift;
            best1 = idx1;
            best2 = idx2;
            best_n2 = (size_t)ndistinct * bsize;
        } else {
            free(idx1);
            free(idx2);
        }
    }
    char name[64];
    printf("/* %s: blocks of %d code points, %zu bytes. */\n", prefix,
           1 << best_shift, best_size);
    printf("enum { %s_SHIFT = %d };\n", prefix, best_shift);
    snprintf(name, sizeof name, "%s_index1", prefix);
    emit_array(NULL, name, best1, NCP >> best_shift);
    snprintf(name, sizeof name, "%s_index2", prefix);
    emit_array(NULL, name, best2, best_n2);
    putchar('\n');
    free(best1);
    free(best2);
}
/* }====== */

/* {====== Records ====== */
typedef struct {
    int32_t lower, upper, title, fold;
    uint16_t flags;
    uint8_t category, ccc;
    int8_t decimal, digit;
} record;

static record *recs;
static size_t nrecs;
static int32_t *rec_hash;  // open addressing over record numbers
#define REC_HSIZE (1u << 16)
#define MAX_RECORDS (REC_HSIZE / 2)

/* Returns the number of the record equal to *rec, adding it if new. */
static uint32_t
intern_record(const record *rec)
{
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *)rec;
    for (size_t i = 0; i < sizeof *rec; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    uint32_t slot = h & (REC_HSIZE - 1);
    while (rec_hash[slot] >= 0
           && memcmp(&recs[rec_hash[slot]], rec, sizeof *rec) != 0) {
        slot = (slot + 1) & (REC_HSIZE - 1);
    }
    if (rec_hash[slot] < 0) {
        if (nrecs == MAX_RECORDS) {
            die("too many distinct records");
        }
        recs[nrecs] = *rec;
        rec_hash[slot] = (int32_t)nrecs++;
    }
    return (uint32_t)rec_hash[slot];
}

static void
emit_records(void)
{
    recs = xmalloc(MAX_RECORDS * sizeof *recs);
    rec_hash = xmalloc(REC_HSIZE * sizeof *rec_hash);
    memset(rec_hash, 0xff, REC_HSIZE * sizeof *rec_hash);
    uint32_t *index = xmalloc((size_t)NCP * sizeof *index);
    record rec;
    /* Record 0 is that of an unassigned code point (category Cn, no
       flags, no digit value): the lookup answers it past 0x10FFFF.  The
       memset clears the padding too, which the hash and memcmp see. */
    memset(&rec, 0, sizeof rec);
    rec.decimal = rec.digit = -1;
    intern_record(&rec);
    for (uint32_t c = 0; c < NCP; c++) {
        const cpinfo *r = &info[c];
        memset(&rec, 0, sizeof rec);
        rec.lower = r->full[0];
        rec.upper = r->full[1];
        rec.title = r->full[2];
        rec.fold = r->full[3];
        rec.flags = r->flags;
        rec.category = r->category;
        rec.ccc = r->ccc;
        rec.decimal = r->decimal;
        rec.digit = r->digit;
        index[c] = intern_record(&rec);
    }
    puts("/* The distinct records.  A case mapping is a delta to add to the "
         "code\n   point, or CASE_EXT + an index into case_ext[] "
         "(count, code points). */");
    puts("typedef struct {\n"
         "    int32_t lower, upper, title, fold;\n"
         "    uint16_t flags;\n"
         "    uint8_t category, ccc;\n"
         "    int8_t decimal, digit;\n"
         "} db_record;\n");
    printf("static const db_record records[%zu] = {\n", nrecs);
    for (size_t i = 0; i < nrecs; i++) {
        record *q = &recs[i];
        printf("    {%d, %d, %d, %d, 0x%x, %u, %u, %d, %d},\n", q->lower,
               q->upper, q->title, q->fold, q->flags, q->category, q->ccc,
               q->decimal, q->digit);
    }
    puts("};\n");
    total_bytes += nrecs * sizeof(record);
    emit_two_stage("prop", index);
    emit_array("uint32_t", "case_ext", case_ext, ncase_ext);
    putchar('\n');
    free(index);
    free(recs);
    free(rec_hash);
}
/* }====== */

/* {====== Normalization data ====== */
static uint32_t *decomp_data;
static size_t ndecomp, cap_decomp;

static void
push_decomp(uint32_t v)
{
    if (ndecomp == cap_decomp) {
        cap_decomp = cap_decomp * 2 + 1024;
        decomp_data = xrealloc(decomp_data, cap_decomp * sizeof *decomp_data);
    }
    decomp_data[ndecomp++] = v;
}

/* Appends the full (recursive) decomposition of cp to decomp_data. */
static void
append_decomposition(uint32_t cp, int depth)
{
    if (depth > 20) {
        die("UnicodeData.txt: decomposition loop at U+%04X", cp);
    }
    if (info[cp].decomp == NULL) {
        push_decomp(cp);
        return;
    }
    const char *s = info[cp].decomp;
    if (*s == '<') {
        s = strchr(s, '>') + 1;  // the compatibility tag: NFKC uses it too
    }
    uint32_t m[32];
    int n = parse_cps(s, m, 32, "UnicodeData.txt decomposition");
    for (int i = 0; i < n; i++) {
        append_decomposition(m[i], depth + 1);
    }
}

static int
compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void
emit_normalization(void)
{
    uint32_t *index = xmalloc((size_t)NCP * sizeof *index);
    push_decomp(0);  // offset 0 means "no decomposition"
    for (uint32_t c = 0; c < NCP; c++) {
        if (info[c].decomp == NULL) {
            continue;
        }
        size_t at = ndecomp;
        push_decomp(0);  // the length goes here
        append_decomposition(c, 0);
        decomp_data[at] = (uint32_t)(ndecomp - at - 1);
        index[c] = (uint32_t)at;
    }
    puts("/* Full NFKC decompositions (compatibility and canonical, applied "
         "until\n   nothing changes): decomp_data[i] is the length, the code "
         "points follow. */");
    emit_two_stage("decomp", index);
    emit_array("uint32_t", "decomp_data", decomp_data, ndecomp);
    /* Primary composites: canonical decompositions into exactly two code
       points whose result is not excluded from composition. */
    size_t n = 0;
    uint64_t *pairs = xmalloc(4096 * sizeof *pairs);
    for (uint32_t c = 0; c < NCP; c++) {
        const char *s = info[c].decomp;
        uint32_t m[4];
        if (s == NULL || *s == '<' || comp_excluded[c]) {
            continue;
        }
        if (parse_cps(s, m, 4, "UnicodeData.txt") != 2) {
            continue;
        }
        if (n == 4096) {
            die("too many compositions");
        }
        pairs[n++] = ((uint64_t)m[0] << 42) | ((uint64_t)m[1] << 21) | c;
    }
    qsort(pairs, n, sizeof *pairs, compare_u64);
    uint32_t *keys = xmalloc(n * 2 * sizeof *keys);
    uint32_t *vals = xmalloc(n * sizeof *vals);
    for (size_t i = 0; i < n; i++) {
        keys[2 * i] = (uint32_t)(pairs[i] >> 42);
        keys[2 * i + 1] = (uint32_t)(pairs[i] >> 21) & 0x1FFFFF;
        vals[i] = (uint32_t)pairs[i] & 0x1FFFFF;
    }
    puts("\n/* Canonical composition: (first, second) pairs sorted, and the "
         "composite\n   of each. */");
    printf("enum { NCOMPOSITIONS = %zu };\n", n);
    emit_array("uint32_t", "comp_pairs", keys, 2 * n);
    emit_array("uint32_t", "comp_result", vals, n);
    putchar('\n');
    free(keys);
    free(vals);
    free(pairs);
    free(index);
}
/* }====== */

/* {====== Names ====== */
typedef struct {
    char *text;
    uint32_t count;
    uint32_t number;  // by decreasing count
} token;

static token *tokens;
static size_t ntokens, cap_tokens;
static int32_t *token_hash;  // open addressing over token indices
static uint32_t token_hsize = 1 << 16;

static uint32_t
hash_str(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h;
}

static uint32_t
intern_token(const char *s, size_t n)
{
    uint32_t slot = hash_str(s, n) & (token_hsize - 1);
    while (token_hash[slot] >= 0) {
        token *t = &tokens[token_hash[slot]];
        if (strlen(t->text) == n && memcmp(t->text, s, n) == 0) {
            t->count++;
            return (uint32_t)token_hash[slot];
        }
        slot = (slot + 1) & (token_hsize - 1);
    }
    if (ntokens == cap_tokens) {
        cap_tokens = cap_tokens * 2 + 1024;
        tokens = xrealloc(tokens, cap_tokens * sizeof *tokens);
    }
    if (ntokens >= token_hsize / 2) {
        die("too many distinct words in names");
    }
    tokens[ntokens].text = xmalloc(n + 1);
    memcpy(tokens[ntokens].text, s, n);
    tokens[ntokens].count = 1;
    token_hash[slot] = (int32_t)ntokens;
    return (uint32_t)ntokens++;
}

typedef struct {
    const char *text;
    uint32_t cp;
    uint32_t *toks;
    int ntoks;
} name_entry;

static name_entry *names;
static size_t nnames, nreal, cap_names;

static void
add_name(const char *text, uint32_t cp)
{
    if (nnames == cap_names) {
        cap_names = cap_names * 2 + 1024;
        names = xrealloc(names, cap_names * sizeof *names);
    }
    name_entry *e = &names[nnames++];
    e->text = text;
    e->cp = cp;
    /* Tokens: a run of letters and digits with the separator after it; the
       last token has none. */
    e->toks = xmalloc((strlen(text) + 1) * sizeof *e->toks);
    e->ntoks = 0;
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " -");
        if (p[n]) {
            n++;
        }
        e->toks[e->ntoks++] = intern_token(p, n);
        p += n;
    }
}

static int
compare_by_count(const void *a, const void *b)
{
    const token *x = *(token *const *)a, *y = *(token *const *)b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return strcmp(x->text, y->text);
}

static int
compare_names(const void *a, const void *b)
{
    const name_entry *x = &names[*(const uint32_t *)a];
    const name_entry *y = &names[*(const uint32_t *)b];
    return strcmp(x->text, y->text);
}

static void
emit_names(void)
{
    token_hash = xmalloc(token_hsize * sizeof *token_hash);
    memset(token_hash, 0xff, token_hsize * sizeof *token_hash);
    /* The code point names, in code point order.  The rank of a named code
       point among all named ones is its name number.  Names live in planes
       0-2 and in 0xE0000..0xE01FF, which is folded onto 0x30000 so that
       the rank tables stay short. */
    for (uint32_t c = 0; c < NCP; c++) {
        if (info[c].name) {
            if (c >= 0x30000 && (c < 0xE0000 || c >= 0xE0200)) {
                die("named code point U+%04X outside the name tables", c);
            }
            add_name(info[c].name, c);
        }
    }
    nreal = nnames;
    FILE *f = open_ucd("NameAliases.txt");
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *fld[4];
        if (split_fields(line, fld, 4) < 3) {
            continue;
        }
        add_name(xstrdup(fld[1]), parse_cp(fld[0], "NameAliases.txt"));
    }
    free(line);
    fclose(f);
    if (nnames >= 0x10000) {
        die("too many names for 16-bit name numbers");
    }

    /* Number the tokens by frequency: one byte for the first `onebyte`
       (1..onebyte, 0 ends a name), two bytes (lead onebyte+1..255) for the
       rest. */
    token **byfreq = xmalloc(ntokens * sizeof *byfreq);
    for (size_t i = 0; i < ntokens; i++) {
        byfreq[i] = &tokens[i];
    }
    qsort(byfreq, ntokens, sizeof *byfreq, compare_by_count);
    uint32_t onebyte = 254;
    while (onebyte > 0 && (255 - onebyte) * 256u < ntokens - onebyte) {
        onebyte--;
    }
    if (onebyte == 0) {
        die("too many distinct words in names");
    }
    uint32_t *lex = xmalloc(cap_tokens * 16 * sizeof *lex);  // bytes
    size_t nlex = 0;
    uint32_t *lex_off = xmalloc((ntokens / 8 + 2) * sizeof *lex_off);
    for (size_t i = 0; i < ntokens; i++) {
        byfreq[i]->number = (uint32_t)i;
        if (i % 8 == 0) {
            lex_off[i / 8] = (uint32_t)nlex;
        }
        const char *s = byfreq[i]->text;
        size_t n = strlen(s);
        for (size_t k = 0; k < n; k++) {
            /* The high bit marks a token's last character. */
            lex[nlex++] = (unsigned char)s[k] | (k + 1 == n ? 0x80 : 0);
        }
    }

    /* The names as token strings, with an offset every 16 names. */
    size_t cap_stream = 1 << 16, nstream = 0;
    uint32_t *stream = xmalloc(cap_stream * sizeof *stream);
    uint32_t *name_off = xmalloc((nnames / 16 + 2) * sizeof *name_off);
    size_t maxlen = 0;
    for (size_t i = 0; i < nnames; i++) {
        if (i % 16 == 0) {
            name_off[i / 16] = (uint32_t)nstream;
        }
        if (strlen(names[i].text) > maxlen) {
            maxlen = strlen(names[i].text);
        }
        if (nstream + 2 * names[i].ntoks + 1 > cap_stream) {
            cap_stream *= 2;
            stream = xrealloc(stream, cap_stream * sizeof *stream);
        }
        for (int k = 0; k < names[i].ntoks; k++) {
            uint32_t num = tokens[names[i].toks[k]].number;
            if (num < onebyte) {
                stream[nstream++] = num + 1;
            } else {
                num -= onebyte;
                stream[nstream++] = onebyte + 1 + (num >> 8);
                stream[nstream++] = num & 0xFF;
            }
        }
        stream[nstream++] = 0;
    }

    /* Rank tables: a 128-bit map per block of 128 code points (distinct
       maps stored once) and the number of names before the block. */
    uint32_t nrblocks = 0x30200 / 128;
    uint32_t *rank_map = xmalloc(nrblocks * sizeof *rank_map);
    uint32_t *rank_base = xmalloc(nrblocks * sizeof *rank_base);
    uint32_t *bits = xmalloc(nrblocks * 4 * sizeof *bits);
    uint32_t nbits = 0, count = 0;
    for (uint32_t b = 0; b < nrblocks; b++) {
        uint32_t w[4] = {0, 0, 0, 0};
        rank_base[b] = count;
        for (uint32_t i = 0; i < 128; i++) {
            uint32_t c = b * 128 + i;
            if (c >= 0x30000) {
                c += 0xE0000 - 0x30000;
            }
            if (info[c].name) {
                w[i / 32] |= 1u << (i % 32);
                count++;
            }
        }
        uint32_t k;
        for (k = 0; k < nbits; k++) {
            if (memcmp(bits + 4 * k, w, sizeof w) == 0) {
                break;
            }
        }
        if (k == nbits) {
            memcpy(bits + 4 * nbits++, w, sizeof w);
        }
        rank_map[b] = k;
    }

    uint32_t *sorted = xmalloc(nnames * sizeof *sorted);
    for (size_t i = 0; i < nnames; i++) {
        sorted[i] = (uint32_t)i;
    }
    qsort(sorted, nnames, sizeof *sorted, compare_names);
    uint32_t *alias_cp = xmalloc((nnames - nreal + 1) * sizeof *alias_cp);
    for (size_t i = nreal; i < nnames; i++) {
        alias_cp[i - nreal] = names[i].cp;
    }

    puts("/* {====== Name tables ====== */");
    printf("enum {\n"
           "    NAME_COUNT = %zu,       // names of code points\n"
           "    NAME_ALIAS_COUNT = %zu,  // NameAliases.txt entries\n"
           "    NAME_ONE_BYTE = %u,     // token numbers coded in one byte\n"
           "    NAME_MAX_LEN = %zu,\n"
           "    NAME_RANK_BLOCKS = %u,\n"
           "};\n",
           nreal, nnames - nreal, onebyte, maxlen, nrblocks);
    puts("/* Token texts; the high bit marks each token's last character. "
         "*/");
    emit_array("uint8_t", "name_lexicon", lex, nlex);
    puts("/* Where tokens 0, 8, 16, ... start in name_lexicon. */");
    emit_array("uint32_t", "name_lexicon_offset", lex_off,
               (ntokens + 7) / 8);
    puts("/* Names as token numbers, each ended by 0. */");
    emit_array("uint8_t", "name_stream", stream, nstream);
    puts("/* Where names 0, 16, 32, ... start in name_stream. */");
    emit_array("uint32_t", "name_stream_offset", name_off,
               (nnames + 15) / 16);
    puts("/* Rank of a named code point: rank_base[cp / 128] + the number "
         "of set\n   bits below it in name_bits[rank_map[cp / 128]]. */");
    emit_array(NULL, "name_rank_map", rank_map, nrblocks);
    emit_array("uint16_t", "name_rank_base", rank_base, nrblocks);
    emit_array("uint32_t", "name_bits", bits, 4 * nbits);
    puts("/* All names and aliases, as name numbers sorted by their text. "
         "*/");
    emit_array("uint16_t", "name_sorted", sorted, nnames);
    puts("/* The code point of each alias (name numbers NAME_COUNT...). */");
    emit_array("uint32_t", "name_alias_cp", alias_cp, nnames - nreal);

    puts("/* CJK unified ideograph ranges, named CJK UNIFIED IDEOGRAPH-XXXX. "
         "*/");
    printf("static const uint32_t cjk_ranges[%d][2] = {\n", ncjk);
    for (int i = 0; i < ncjk; i++) {
        printf("    {0x%04X, 0x%04X},\n", cjk[i].first, cjk[i].last);
    }
    puts("};");
    free(byfreq);
    free(lex);
    free(lex_off);
    free(stream);
    free(name_off);
    free(rank_map);
    free(rank_base);
    free(bits);
    free(sorted);
    free(alias_cp);
}

/* Jamo short names, from Jamo.txt: choseong 1100.., jungseong 1161..,
   jongseong 11A8.. (jongseong 0 is "no final consonant"). */
static void
emit_jamo(void)
{
    static char *short_name[0x100];
    FILE *f = open_ucd("Jamo.txt");
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *fld[4];
        int n = split_fields(line, fld, 4);
        if (n == 0) {
            continue;
        }
        uint32_t cp = parse_cp(fld[0], "Jamo.txt");
        if (cp < 0x1100 || cp > 0x11FF) {
            die("Jamo.txt: unexpected code point U+%04X", cp);
        }
        short_name[cp - 0x1100] = xstrdup(n > 1 ? fld[1] : "");
    }
    free(line);
    fclose(f);
    static const struct {
        const char *name;
        uint32_t first;
        int count;
        int leading_empty;
    } tabs[] = {
        {"jamo_l", 0x1100, 19, 0},
        {"jamo_v", 0x1161, 21, 0},
        {"jamo_t", 0x11A7, 28, 1},
    };
    puts("\n/* Hangul jamo short names (Jamo.txt), for syllable names. */");
    for (int t = 0; t < 3; t++) {
        printf("static const char *const %s[%d] = {\n   ", tabs[t].name,
               tabs[t].count);
        int col = 3;
        for (int i = 0; i < tabs[t].count; i++) {
            const char *s = "";
            if (!(tabs[t].leading_empty && i == 0)) {
                s = short_name[tabs[t].first + i - 0x1100];
                if (s == NULL) {
                    die("Jamo.txt: no entry for U+%04X", tabs[t].first + i);
                }
            }
            if (col + (int)strlen(s) + 4 > 78) {
                fputs("\n   ", stdout);
                col = 3;
            }
            col += printf(" \"%s\",", s);
        }
        puts("\n};");
    }
    putchar('\n');
}
/* }====== */

static const char *
ucd_version(void)
{
    static char version[64] = "unknown";
    FILE *f = open_ucd("DerivedCoreProperties.txt");
    char line[256];
    if (fgets(line, sizeof line, f)) {
        char *p = strstr(line, "Properties-");
        if (p) {
            sscanf(p + 11, "%63[0-9.]", version);
            size_t n = strlen(version);
            if (n && version[n - 1] == '.') {
                version[n - 1] = '\0';
            }
        }
    }
    fclose(f);
    return version;
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_unicodedb UCD_DIR > unicodedb_tables.h\n");
        return 2;
    }
    ucd_dir = argv[1];
    info = xmalloc((size_t)NCP * sizeof *info);
    comp_excluded = xmalloc(NCP);
    const char *version = ucd_version();
    for (uint32_t c = 0; c < NCP; c++) {
        info[c].decimal = info[c].digit = -1;  // category 0 is Cn
        info[c].upper1 = info[c].lower1 = info[c].title1 = c;
    }
    read_unicode_data();
    read_property_file("DerivedCoreProperties.txt", set_core_property);
    read_property_file("DerivedNormalizationProps.txt", set_norm_property);
    read_casing();
    int unihan = read_unihan_numeric();
    derive_flags();

    printf("/* unicodedb_tables.h — GENERATED by tools/gen_unicodedb.c; do "
           "not edit.\n\n"
           "   Unicode %s, from %s: UnicodeData.txt,\n"
           "   DerivedCoreProperties.txt, SpecialCasing.txt, "
           "CaseFolding.txt,\n"
           "   DerivedNormalizationProps.txt, NameAliases.txt, Jamo.txt%s.\n"
           "   Tables only, included by src/unicodedb.c alone (hence the "
           "static\n"
           "   arrays); their layout is explained at the top of that file. "
           "*/\n",
           version, ucd_dir,
           unihan ? ",\n   Unihan_NumericValues.txt"
                  : ";\n   Unihan_NumericValues.txt was NOT available: CJK "
                    "numerals are not numeric");
    puts("#ifndef MP_UNICODEDB_TABLES_H\n#define MP_UNICODEDB_TABLES_H\n\n"
         "#include <stdint.h>\n");
    printf("static const char *const category_names[%zu] = {\n",
           NCATEGORIES);
    for (size_t i = 0; i < NCATEGORIES; i += 10) {
        fputs("   ", stdout);
        for (size_t k = i; k < i + 10 && k < NCATEGORIES; k++) {
            printf(" \"%s\",", categories[k]);
        }
        putchar('\n');
    }
    puts("};\n");
    printf("enum {\n"
           "    F_XID_START = 0x%x,\n    F_XID_CONTINUE = 0x%x,\n"
           "    F_PRINTABLE = 0x%x,\n    F_SPACE = 0x%x,\n"
           "    F_ALPHA = 0x%x,\n    F_LOWER = 0x%x,\n    F_UPPER = 0x%x,\n"
           "    F_CASED = 0x%x,\n    F_CASE_IGNORABLE = 0x%x,\n"
           "    F_TITLE = 0x%x,\n    F_NUMERIC = 0x%x,\n"
           "    CASE_EXT = 0x%x,\n};\n\n",
           F_XID_START, F_XID_CONTINUE, F_PRINTABLE, F_SPACE, F_ALPHA,
           F_LOWER, F_UPPER, F_CASED, F_CASE_IGNORABLE, F_TITLE, F_NUMERIC,
           CASE_EXT);
    emit_records();
    emit_normalization();
    emit_names();
    emit_jamo();
    printf("/* Tables: %zu bytes. */\n/* }====== */\n\n#endif\n",
           total_bytes);
    fprintf(stderr, "gen_unicodedb: Unicode %s, %zu names, %zu bytes of "
            "tables\n", version, nreal, total_bytes);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        die("error writing the output: %s", strerror(errno));
    }
    return 0;
}
