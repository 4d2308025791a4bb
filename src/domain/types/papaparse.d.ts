/*
 * The part of papaparse's API the domain calls (src/domain/dataset/csv.ts), for tsconfig.domain.json
 * only (its `paths` point "papaparse" here): @types/papaparse references Node's types (streams,
 * Buffer), which would let `process` or `Buffer` compile in the domain. tsconfig.json checks the
 * same calls against @types/papaparse.
 */
interface ParseError {
  message: string;
  row?: number;
}
interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}
interface Papa {
  parse<T>(text: string, config: { skipEmptyLines: boolean }): ParseResult<T>;
  unparse(data: { fields: string[]; data: string[][] }, config: { newline: string }): string;
}
declare const papa: Papa;
export default papa;
