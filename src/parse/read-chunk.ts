/**
 * Files are read 64 KiB at a time, by one reader or by the parts of a split file alike: the
 * first rows a CSV reader learns from end with a chunk, so the same chunks make the same lessons.
 */
export const READ_CHUNK_BYTES = 64 * 1024;
