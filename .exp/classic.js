import { z } from "zod";
const s = z.object({ a: z.string().min(1).regex(/x/), b: z.array(z.number().int()).optional(), c: z.enum(["x","y"]) }).strict().superRefine((v,ctx)=>{});
globalThis.out = s.safeParse(globalThis.inp);
