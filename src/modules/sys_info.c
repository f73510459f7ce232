/* sys_info.c — the facts sys tells about the interpreter: version_info,
   hexversion, implementation, flags, hash_info, float_info, int_info,
   maxunicode, the default encodings, and the limit on int <-> str
   conversion (get/set_int_max_str_digits).

   The named tuples are struct sequences (objects/structseq.c), so they
   print as CPython's do: sys.hash_info(width=64, modulus=...).  The
   language level is 3.11.0; sys.implementation names minipy and its own
   version.  Where a field describes CPython's internals that minipy does
   not have, the value describes minipy's (int_info: GMP limbs of 64 bits,
   not 30-bit digits); README's "Differences" lists these.

   CPython counterpart: Python/sysmodule.c (make_version_info,
   make_impl_info, make_flags), Objects/floatobject.c (float_info),
   Objects/longobject.c (int_info).  Read first: MpSysInfo_AddTo */
#include <float.h>
#include <gmp.h>
#include <stdlib.h>

#include "errors.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"

#define MP_VERSION_MAJOR 0  // minipy's own version: sys.implementation
#define MP_VERSION_MINOR 1
#define MP_VERSION_MICRO 0

/* {====== The struct sequence types ====== */

static const char *const version_fields[] = {"major", "minor", "micro",
                                             "releaselevel", "serial"};
static MpGetSetDef version_getset[6];
static MpStructSeqDesc version_desc = {"sys", "version_info", version_fields,
                                       5, version_getset};

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
    "no_user_site", "no_site", "ignore_environment", "verbose",
    "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"};
static MpGetSetDef flags_getset[19];
static MpStructSeqDesc flags_desc = {"sys", "flags", flags_fields, 18,
                                     flags_getset};

static const char *const hash_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
    "seed_bits", "cutoff"};
static MpGetSetDef hash_getset[10];
static MpStructSeqDesc hash_desc = {"sys", "hash_info", hash_fields, 9,
                                    hash_getset};

static const char *const float_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
    "mant_dig", "epsilon", "radix", "rounds"};
static MpGetSetDef float_getset[12];
static MpStructSeqDesc float_desc = {"sys", "float_info", float_fields, 11,
                                     float_getset};

static const char *const int_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits",
    "str_digits_check_threshold"};
static MpGetSetDef int_getset[5];
static MpStructSeqDesc int_desc = {"sys", "int_info", int_fields, 4,
                                   int_getset};
/* }====== */

/* An instance of the type desc describes, items built by the caller.
   Refs: items STOLEN; NEW. */
static MpObject *
make(MpStructSeqDesc *desc, MpObject **items)
{
    MpTypeObject *type = MpStructSeq_NewType(desc);
    if (type == NULL) {
        for (int i = 0; i < desc->n; i++) {
            Mp_XDECREF(items[i]);
        }
        return NULL;
    }
    MpObject *o = MpStructSeq_New(type, items, desc->n);
    Mp_DECREF(type);  // the instance keeps its class
    return o;
}

static MpObject *
version(int major, int minor, int micro)
{
    MpObject *items[5] = {MpLong_FromInt64(major), MpLong_FromInt64(minor),
                          MpLong_FromInt64(micro),
                          MpStr_FromString("final"), MpLong_FromInt64(0)};
    return make(&version_desc, items);
}

static MpObject *
flags(void)
{
    const char *seed = getenv("PYTHONHASHSEED");
    int randomized = !(seed != NULL && seed[0] == '0' && seed[1] == '\0');
    MpObject *items[18];
    for (int i = 0; i < 18; i++) {
        items[i] = MpLong_FromInt64(0);
    }
    Mp_SETREF(&items[11], MpLong_FromInt64(randomized));
    Mp_SETREF(&items[13], MpBool_FromLong(0));   // dev_mode
    Mp_SETREF(&items[16], MpBool_FromLong(0));   // safe_path
    Mp_SETREF(&items[17], MpLong_FromInt64(-1)); // int_max_str_digits
    return make(&flags_desc, items);
}

static MpObject *
hash_info(void)
{
    MpObject *items[9] = {
        MpLong_FromInt64(64),
        MpLong_FromInt64(((int64_t)1 << 61) - 1),  // hash.c's modulus
        MpLong_FromInt64(314159),
        MpLong_FromInt64(0),
        MpLong_FromInt64(1000003),
        MpStr_FromString("siphash13"),
        MpLong_FromInt64(64),
        MpLong_FromInt64(128),
        MpLong_FromInt64(0)};
    return make(&hash_desc, items);
}

static MpObject *
float_info(void)
{
    MpObject *items[11] = {
        MpFloat_FromDouble(DBL_MAX),     MpLong_FromInt64(DBL_MAX_EXP),
        MpLong_FromInt64(DBL_MAX_10_EXP), MpFloat_FromDouble(DBL_MIN),
        MpLong_FromInt64(DBL_MIN_EXP),   MpLong_FromInt64(DBL_MIN_10_EXP),
        MpLong_FromInt64(DBL_DIG),       MpLong_FromInt64(DBL_MANT_DIG),
        MpFloat_FromDouble(DBL_EPSILON), MpLong_FromInt64(FLT_RADIX),
        MpLong_FromInt64(1)};  // FLT_ROUNDS: to nearest
    return make(&float_desc, items);
}

static MpObject *
int_info(void)
{
    MpObject *items[4] = {
        MpLong_FromInt64(mp_bits_per_limb),  // GMP's limbs, not digits
        MpLong_FromInt64((int64_t)sizeof(mp_limb_t)),
        MpLong_FromInt64(4300),  // CPython 3.11's default limit
        MpLong_FromInt64(640)};
    return make(&int_desc, items);
}

/* {====== Functions ====== */

static MpObject *
sys_getdefaultencoding(MpObject *self, MpObject *unused)
{
    return MpStr_FromString("utf-8");
}

static MpObject *
sys_get_int_max_str_digits(MpObject *self, MpObject *unused)
{
    return MpLong_FromSsize_t(mp_int_max_str_digits);
}

/* set_int_max_str_digits(maxdigits): 0 means no limit, otherwise at
   least str_digits_check_threshold (640). */
static MpObject *
sys_set_int_max_str_digits(MpObject *self, MpObject *const *args,
                           Mp_ssize_t nargs, MpObject *kwnames)
{
    Mp_ssize_t nkw = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw != 1 ||
        (nkw == 1 && MpStr_CompareWithASCII(MpTuple_GET_ITEM(kwnames, 0),
                                            "maxdigits") != 0)) {
        return MpErr_Format(MpExc_TypeError,
                            "set_int_max_str_digits() takes exactly one "
                            "argument (maxdigits)");
    }
    int64_t v = MpLong_AsInt64(args[0]);
    if (v == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (v != 0 && v < 640) {
        return MpErr_Format(MpExc_ValueError,
                            "maxdigits must be 0 or larger than 640");
    }
    mp_int_max_str_digits = (Mp_ssize_t)v;
    return Mp_NewRef(Mp_None);
}

static MpMethodDef info_methods[] = {
    {"getdefaultencoding", (void *)sys_getdefaultencoding, MP_METH_NOARGS,
     NULL},
    {"getfilesystemencoding", (void *)sys_getdefaultencoding,
     MP_METH_NOARGS, NULL},
    {"get_int_max_str_digits", (void *)sys_get_int_max_str_digits,
     MP_METH_NOARGS, NULL},
    {"set_int_max_str_digits", (void *)sys_set_int_max_str_digits,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {NULL},
};
/* }====== */

/* Adds the objects and functions above to the sys module m.  Returns 0,
   or -1 with an exception.  Refs: m BORROWED. */
int
MpSysInfo_AddTo(MpObject *m)
{
    MpObject *impl_version = version(MP_VERSION_MAJOR, MP_VERSION_MINOR,
                                     MP_VERSION_MICRO);
    if (impl_version == NULL) {
        return -1;
    }
    MpObject *kw = MpDict_New();
    MpObject *name = MpStr_FromString("minipy");
    int ok = kw != NULL && name != NULL &&
             MpDict_SetItemString(kw, "name", name) == 0 &&
             MpDict_SetItemString(kw, "cache_tag", Mp_None) == 0 &&
             MpDict_SetItemString(kw, "version", impl_version) == 0;
    MpObject *hex = ok ? MpLong_FromInt64((MP_VERSION_MAJOR << 24) |
                                          (MP_VERSION_MINOR << 16) |
                                          (MP_VERSION_MICRO << 8) | 0xf0)
                       : NULL;
    MpObject *arch = ok ? MpStr_FromString("x86_64-linux-gnu") : NULL;
    ok = hex != NULL && arch != NULL &&
         MpDict_SetItemString(kw, "hexversion", hex) == 0 &&
         MpDict_SetItemString(kw, "_multiarch", arch) == 0;
    Mp_XDECREF(hex);
    Mp_XDECREF(arch);
    Mp_DECREF(impl_version);
    Mp_XDECREF(name);
    MpObject *impl = ok ? MpNamespace_New(kw) : NULL;
    Mp_XDECREF(kw);
    if (impl == NULL ||
        MpModule_AddObject(m, "implementation", impl) < 0 ||
        MpModule_AddObject(m, "version_info", version(3, 11, 0)) < 0 ||
        MpModule_AddObject(m, "hexversion", MpLong_FromInt64(0x030b00f0)) <
            0 ||
        MpModule_AddObject(m, "flags", flags()) < 0 ||
        MpModule_AddObject(m, "hash_info", hash_info()) < 0 ||
        MpModule_AddObject(m, "float_info", float_info()) < 0 ||
        MpModule_AddObject(m, "int_info", int_info()) < 0 ||
        MpModule_AddObject(m, "maxunicode", MpLong_FromInt64(0x10FFFF)) <
            0 ||
        MpModule_AddObject(m, "float_repr_style", MpStr_FromString("short")) <
            0 ||
        MpModule_AddObject(m, "abiflags", MpStr_FromString("")) < 0 ||
        MpModule_AddObject(m, "api_version", MpLong_FromInt64(1013)) < 0 ||
        MpModule_AddFunctions(m, info_methods) < 0) {
        return -1;
    }
    return 0;
}
