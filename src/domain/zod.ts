import { config } from "zod/mini";
import { en } from "zod/v4/locales";

/*
 * Every schema imports zod from here (`import * as z from "../zod"`): zod/mini, with zod's English
 * messages configured once. zod/mini because standard zod attaches JSON-schema code to every
 * schema (kilobytes in the functions bundle, never called); zod/mini loads no message locale by
 * itself, so the default messages (wrong type, unknown key) would read "Invalid input" without
 * this line. Re-exported with `export *` and imported by name so webpack keeps only what is
 * called: an exported namespace object (`export { z }`) kept all of zod.
 */
config(en());

export * from "zod/mini";
