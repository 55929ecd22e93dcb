package com.eventphotos.processor.image;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of libvips' C API we call, mapped by JNA. Optional arguments are name/value pairs in the trailing
 * varargs (JNA appends the terminating NULL); on/off options are passed as {@code Integer} 1/0, never
 * {@code Boolean} (JNA would send -1, which GObject refuses silently). Input buffers are not copied by libvips:
 * they must stay allocated until every image made from them is released.
 */
interface VipsLibrary extends Library {

    int vips_init(String argv0);

    String vips_version_string();

    void vips_concurrency_set(int threads);

    void vips_cache_set_max(int operations);

    /** Blocks loaders libvips marks untrusted (SVG through librsvg, among others): we never need them. */
    void vips_block_untrusted_set(int blocked);

    int vips_max_coord_get();

    /** Reads the header only: pixels are decoded when something asks for them. */
    Pointer vips_image_new_from_buffer(Pointer buffer, long length, String options, Object... none);

    int vips_image_get_width(Pointer image);

    int vips_image_get_height(Pointer image);

    int vips_image_get_n_pages(Pointer image);

    /** @return the field's GType, 0 when the image has no such field */
    long vips_image_get_typeof(Pointer image, String field);

    int vips_image_get_int(Pointer image, String field, IntByReference value);

    int vips_thumbnail_buffer(Pointer buffer, long length, PointerByReference out, int width, Object... options);

    int vips_thumbnail_image(Pointer in, PointerByReference out, int width, Object... options);

    /** Evaluates the image into memory: decoding errors surface here. */
    Pointer vips_image_copy_memory(Pointer image);

    int vips_jpegsave_buffer(Pointer in, PointerByReference buffer, LongByReference length, Object... options);

    int vips_webpsave_buffer(Pointer in, PointerByReference buffer, LongByReference length, Object... options);

    int vips_heifsave_buffer(Pointer in, PointerByReference buffer, LongByReference length, Object... options);

    /** Converts to {@code profile} ("srgb", "p3", "cmyk" or a file) and embeds it: tests make wide-gamut inputs. */
    int vips_icc_transform(Pointer in, PointerByReference out, String profile, Object... options);

    Pointer vips_array_double_new(double[] values, int count);

    void vips_area_unref(Pointer area);

    /** The error messages so far, cleared; free with g_free. */
    Pointer vips_error_buffer_copy();

    void g_object_unref(Pointer object);

    void g_free(Pointer memory);
}
