/* sys_int.c — the int side of the sys module: sys.get_int_max_str_digits,
   sys.set_int_max_str_digits and sys.int_info.

   Python 3.11 refuses to convert between str and int in base 10 when the
   decimal form has more than a limit of digits (4300 by default), because
   both conversions are quadratic in CPython and a long input string was a
   denial-of-service vector.  minipy converts with GMP, which is not
   quadratic, but keeps the limit so that programs behave as on 3.11:
   `str(10**5000)` and `int('1' * 5000)` raise ValueError until the limit
   is raised.  The limit lives in int.c (mp_int_max_str_digits); this file
   only reads and writes it.  0 means "no limit"; other values must be at
   least 640 (sys.int_info.str_digits_check_threshold: below that CPython's
   conversions are fast anyway, so a smaller limit would only break
   programs).  Power-of-two bases (hex, oct, bin) are never limited.

   sys.int_info describes the representation.  minipy's big ints are GMP
   integers made of 64-bit limbs, so bits_per_digit and sizeof_digit report
   64 and 8 where CPython reports 30 and 4 (README, "Differences from
   CPython").

   Registration: MpSysInt_AddTo(sys) is called while the sys module is
   built (modules/sys.c).

   CPython counterpart: Python/sysmodule.c (sys_set_int_max_str_digits_impl,
   make_int_info).  Read first: sys_set_int_max_str_digits */
#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/structseq.h"

int MpSysInt_AddTo(MpObject *sys);

/* CPython's _PY_LONG_MAX_STR_DIGITS_THRESHOLD: the smallest non-zero
   limit accepted. */
#define INT_MAX_STR_DIGITS_THRESHOLD 640
/* CPython's _PY_LONG_DEFAULT_MAX_STR_DIGITS (the value int.c starts
   with). */
#define INT_DEFAULT_MAX_STR_DIGITS 4300

/* {====== get / set ====== */

static MpObject *
sys_get_int_max_str_digits(MpObject *self, MpObject *unused)
{
    return MpLong_FromSsize_t(mp_int_max_str_digits);
}

static MpObject *
sys_set_int_max_str_digits(MpObject *self, MpObject *const *args,
                           Mp_ssize_t nargs, MpObject *kwnames)
{
    static const char *const kw[] = {"maxdigits", NULL};
    static const MpArgSpec spec = {"set_int_max_str_digits", kw, 1, 1};
    MpObject *arg;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, &arg) < 0) {
        return NULL;
    }
    MpObject *v = MpNumber_Index(arg);
    if (v == NULL) {
        return NULL;
    }
    int64_t n = MpLong_AsInt64(v);
    Mp_DECREF(v);
    if ((n == -1 && MpErr_Occurred()) || n > INT32_MAX || n < INT32_MIN) {
        MpErr_Clear();
        MpErr_SetString(MpExc_OverflowError,
                        "Python int too large to convert to C int");
        return NULL;
    }
    if (n != 0 && n < INT_MAX_STR_DIGITS_THRESHOLD) {
        MpErr_Format(MpExc_ValueError,
                     "maxdigits must be 0 or larger than %d",
                     INT_MAX_STR_DIGITS_THRESHOLD);
        return NULL;
    }
    mp_int_max_str_digits = (Mp_ssize_t)n;
    return Mp_NewRef(Mp_None);
}

/* }====== */

/* {====== sys.int_info ====== */

static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits",
    "str_digits_check_threshold"};

static MpGetSetDef int_info_getset[5];

static MpStructSeqDesc int_info_desc = {
    "sys", "int_info", int_info_fields, 4, int_info_getset};

static MpObject *
make_int_info(void)
{
    MpTypeObject *type = MpStructSeq_NewType(&int_info_desc);
    if (type == NULL) {
        return NULL;
    }
    MpObject *items[4] = {
        MpLong_FromSsize_t(64),  // a GMP limb (mp_limb_t) on 64-bit hosts
        MpLong_FromSsize_t(8),
        MpLong_FromSsize_t(INT_DEFAULT_MAX_STR_DIGITS),
        MpLong_FromSsize_t(INT_MAX_STR_DIGITS_THRESHOLD),
    };
    MpObject *info = MpStructSeq_New(type, items, 4);
    Mp_DECREF(type);
    return info;
}

/* }====== */

static MpMethodDef sys_int_methods[] = {
    {"get_int_max_str_digits", (void *)sys_get_int_max_str_digits,
     MP_METH_NOARGS,
     "Return the maximum string digits limit for non-binary int<->str "
     "conversions."},
    {"set_int_max_str_digits", (void *)sys_set_int_max_str_digits,
     MP_METH_FASTCALL | MP_METH_KEYWORDS,
     "Set the maximum string digits limit for non-binary int<->str "
     "conversions."},
    {NULL},
};

/* Adds get_int_max_str_digits, set_int_max_str_digits and int_info to
   the sys module.  Returns 0, or -1 with an exception set.
   Refs: sys BORROWED. */
int
MpSysInt_AddTo(MpObject *sys)
{
    if (MpModule_AddFunctions(sys, sys_int_methods) < 0) {
        return -1;
    }
    MpObject *info = make_int_info();
    if (info == NULL || MpModule_AddObject(sys, "int_info", info) < 0) {
        return -1;
    }
    return 0;
}
