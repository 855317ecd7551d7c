/** Checks of the chosen file, made before sending it (pure: unit tests load it without a DOM). */

/** The API refuses files over 50 MB; the page says so before sending one. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const isTooLarge = (file: Pick<File, 'size'> | null) => file !== null && file.size > MAX_FILE_BYTES;

/** A file that does not look like CSV (neither by name nor by type) is refused before it is sent. */
export const isNotCsv = (file: Pick<File, 'name' | 'type'> | null) =>
  file !== null && !/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/i.test(file.type);
