/* test_buffer.c — the buffer protocol helpers (objects/memoryview.c):
   contiguity of strided layouts, copying a strided view out in C and
   Fortran order, item packing and unpacking per format, and the export
   counting that keeps a bytearray from resizing under a memoryview. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime_fixture.h"

#include "abstract.h"
#include "errors.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"

/* A view of a 2 x 3 array of bytes with the given strides over mem. */
static MpBuffer
view2d(char *mem, Mp_ssize_t *shape, Mp_ssize_t *strides)
{
    MpBuffer v = {0};
    v.buf = mem;
    v.itemsize = 1;
    v.ndim = 2;
    v.len = shape[0] * shape[1];
    v.shape = shape;
    v.strides = strides;
    return v;
}

static void
test_contiguity(void **state)
{
    char mem[16] = "abcdefghijklmno";
    Mp_ssize_t shape[2] = {2, 3};
    Mp_ssize_t c[2] = {3, 1}, f[2] = {1, 2}, gap[2] = {6, 2};
    MpBuffer v = view2d(mem, shape, c);
    assert_true(MpBuffer_IsContiguous(&v, 'C'));
    assert_false(MpBuffer_IsContiguous(&v, 'F'));
    assert_true(MpBuffer_IsContiguous(&v, 'A'));
    v = view2d(mem, shape, f);
    assert_false(MpBuffer_IsContiguous(&v, 'C'));
    assert_true(MpBuffer_IsContiguous(&v, 'F'));
    v = view2d(mem, shape, gap);
    assert_false(MpBuffer_IsContiguous(&v, 'A'));
    /* A dimension of length 1 has no stride that matters. */
    Mp_ssize_t one[2] = {1, 3}, odd[2] = {99, 1};
    v = view2d(mem, one, odd);
    assert_true(MpBuffer_IsContiguous(&v, 'C'));
}

static void
test_to_contiguous(void **state)
{
    char mem[16] = "abcdefghijklmno";
    Mp_ssize_t shape[2] = {2, 3};
    Mp_ssize_t gap[2] = {6, 2};  // rows a c e / g i k
    MpBuffer v = view2d(mem, shape, gap);
    char out[7] = {0};
    MpBuffer_ToContiguous(out, &v, 'C');
    assert_string_equal(out, "acegik");
    MpBuffer_ToContiguous(out, &v, 'F');
    assert_string_equal(out, "agciek");
    /* A negative stride walks backwards from buf. */
    Mp_ssize_t back[2] = {-6, -2};
    v = view2d(mem + 10, shape, back);
    MpBuffer_ToContiguous(out, &v, 'C');
    assert_string_equal(out, "kigeca");
}

static void
test_pack_unpack(void **state)
{
    char slot[8];
    MpObject *v = MpLong_FromInt64(-2);
    assert_int_equal(MpBuffer_PackItem("h", slot, v), 0);
    MpObject *back = MpBuffer_UnpackItem("@h", slot);
    assert_int_equal(MpLong_AsInt64(back), -2);
    Mp_DECREF(back);
    /* Out of range for 'B': ValueError, the slot untouched. */
    slot[0] = 7;
    assert_int_equal(MpBuffer_PackItem("B", slot, v), -1);
    assert_true(MpErr_ExceptionMatches(MpExc_ValueError));
    MpErr_Clear();
    assert_int_equal(slot[0], 7);
    Mp_DECREF(v);
    MpObject *d = MpFloat_FromDouble(0.5);
    assert_int_equal(MpBuffer_PackItem("d", slot, d), 0);
    assert_int_equal(MpBuffer_PackItem("B", slot, d), -1);
    assert_true(MpErr_ExceptionMatches(MpExc_TypeError));
    MpErr_Clear();
    Mp_DECREF(d);
    back = MpBuffer_UnpackItem("d", slot);
    assert_true(MpFloat_AS_DOUBLE(back) == 0.5);
    Mp_DECREF(back);
    assert_int_equal(MpBuffer_FormatItemSize("q"), 8);
    assert_int_equal(MpBuffer_FormatItemSize("<q"), -1);
    assert_null(MpBuffer_UnpackItem("w", slot));
    assert_true(MpErr_ExceptionMatches(MpExc_NotImplementedError));
    MpErr_Clear();
}

static void
test_export_counting(void **state)
{
    MpObject *ba = MpByteArray_FromStringAndSize("abc", 3);
    MpObject *m = MpMemoryView_FromObject(ba);
    assert_non_null(m);
    MpObject *key = MpLong_FromInt64(0);
    MpObject *sub = MpObject_GetItem(m, key);  // an int: no new export
    Mp_DECREF(sub);
    Mp_DECREF(key);
    assert_int_equal(((MpByteArrayObject *)ba)->ob_exports, 1);
    assert_int_equal(MpByteArray_Resize(ba, 10), -1);
    assert_true(MpErr_ExceptionMatches(MpExc_BufferError));
    MpErr_Clear();
    /* A consumer's export of the memoryview itself. */
    MpBuffer v;
    assert_int_equal(MpObject_GetBuffer(m, &v, MP_BUF_FULL_RO), 0);
    assert_int_equal(((MpMemoryViewObject *)m)->mv_exports, 1);
    assert_int_equal(v.len, 3);
    MpBuffer_Release(&v);
    assert_null(v.obj);
    assert_int_equal(((MpMemoryViewObject *)m)->mv_exports, 0);
    Mp_DECREF(m);  // the last view: the bytearray's export is given back
    assert_int_equal(((MpByteArrayObject *)ba)->ob_exports, 0);
    assert_int_equal(MpByteArray_Resize(ba, 10), 0);
    Mp_DECREF(ba);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contiguity),
        cmocka_unit_test(test_to_contiguous),
        cmocka_unit_test(test_pack_unpack),
        cmocka_unit_test(test_export_counting),
    };
    return cmocka_run_group_tests(tests, runtime_setup, runtime_teardown);
}
