import * as z from "zod/mini";
const s = z.strictObject({ a: z.string().check(z.minLength(1), z.regex(/x/)), b: z.optional(z.array(z.int())), c: z.enum(["x","y"]) }).check(z.superRefine((v,ctx)=>{}));
globalThis.out = s.safeParse(globalThis.inp);
