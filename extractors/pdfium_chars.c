/* What the pdfium engine asks of every character of a page, in one call per page.
 *
 * From Python each of these questions is a ctypes call of ~1 us; here it is a C call. The pdfium
 * functions come in as pointers (pypdfium2's own library), so this file needs no pdfium header and
 * links against nothing: `cc -O2 -shared -fPIC` builds it (`make` does). extractors/pdfium_chars.py
 * asks the same questions through ctypes where it is not built, and fills the same arrays. */

typedef struct { float left, top, right, bottom; } rect_f;  /* pdfium's FS_RECTF */
typedef void *(*text_object_fn)(void *textpage, int index);
typedef int (*char_origin_fn)(void *textpage, int index, double *x, double *y);
typedef int (*char_box_fn)(void *textpage, int index, rect_f *box);
typedef int (*char_flag_fn)(void *textpage, int index);

enum { GENERATED = 1, UNICODE_MAP_ERROR = 2 };

void gbdocs_pdfium_chars(void *textpage, int count, text_object_fn text_object, char_origin_fn char_origin,
                         char_box_fn loose_char_box, char_flag_fn is_generated, char_flag_fn has_unicode_map_error,
                         void **objects, double *origin_x, double *origin_y, double *loose_right,
                         unsigned char *flags) {
    rect_f box = {0, 0, 0, 0};  /* kept from the character before where pdfium gives none */
    for (int index = 0; index < count; index++) {
        objects[index] = text_object(textpage, index);
        char_origin(textpage, index, &origin_x[index], &origin_y[index]);
        loose_char_box(textpage, index, &box);
        loose_right[index] = box.right;
        flags[index] = (is_generated(textpage, index) ? GENERATED : 0)
                     | (has_unicode_map_error(textpage, index) ? UNICODE_MAP_ERROR : 0);
    }
}
