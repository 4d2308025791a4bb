import * as z from "zod/mini";

/*
 * Every schema imports zod from here: zod/mini, with zod's English messages configured once.
 * zod/mini because standard zod attaches JSON-schema code to every schema (about 16 KiB gzip more
 * in the functions bundle, never called); zod/mini loads no message locale by itself, so the
 * default messages (wrong type, unknown key) would read "Invalid input" without this line.
 */
z.config(z.locales.en());

export { z };
