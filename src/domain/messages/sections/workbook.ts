import type { FixedAddressReference } from "../../workbook/fixedAddress";
import type { LostUserValue } from "../../workbook/rowAlignment";
import type { SheetCell } from "../../workbook/port";
import type { ReplacedEdit } from "../../workbook/unacceptedEdits";

/**
 * Messages of writes, refreshes, reviews and refusals (what the writer and preflight say). English
 * and Japanese side by side: the type is the English object's, so the compiler names any key the
 * Japanese misses or adds. Excel's commands are named as each language's Excel names them.
 */

/** Where a write is refused: the table, its sheet and the address of what is in the way. */
export interface WriteObstacle {
  readonly table: string;
  readonly sheet: string;
  /** "A2:P40" (without the sheet). */
  readonly address: string;
}

/** How a refresh changes a table's size: rows it adds and rows it removes. */
export interface SizeChange {
  readonly added: number;
  readonly removed: number;
}

/** What sits in the rows a table must grow into: a spilled result, another table, or data. */
export type GrowthObstacle =
  | { readonly kind: "spill"; readonly formulaAt: string }
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "data" };

/** The write's step that failed before anything the user sees changed: a chunk's rows are sheet rows. */
export type StagingStep =
  | "prepare"
  | "copy"
  | {
      readonly table: string;
      readonly chunk: number;
      readonly chunks: number;
      readonly rows: readonly [number, number];
    };
const stepText = (step: StagingStep) =>
  step === "prepare"
    ? "preparing the hidden sheets"
    : step === "copy"
      ? "copying the old contents aside"
      : `table ${step.table}, chunk ${step.chunk} of ${step.chunks} (rows ${step.rows[0]} to ${step.rows[1]})`;
const stepTextJa = (step: StagingStep) =>
  step === "prepare"
    ? "非表示シートの準備"
    : step === "copy"
      ? "元の内容の退避"
      : `${step.table} テーブルの${step.chunks}回中${step.chunk}回目（${step.rows[0]}～${step.rows[1]}行）の書き込み`;

const NOTHING_JA = "何も変更していません：";

/** Long values are cut at 40 characters. */
const cut = (value: SheetCell | null) => {
  const shown = String(value);
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
};
const shortValue = (lost: LostUserValue) => cut(lost.value);
/** A typed or replacing value as the review quotes it; null for an empty cell. */
const quoted = (value: SheetCell | null): string | null =>
  value === null || value === "" ? null : `"${cut(value)}"`;

const sizeText = (c: SizeChange) =>
  `this refresh adds ${c.added} and removes ${c.removed} of its rows`;
const sizeTextJa = (c: SizeChange) => `この更新で${c.added}行が加わり${c.removed}行が消えます`;

const englishWorkbookMessages = {
  editsUnwatched: (reason: string) =>
    `Your edit could not be read: watching the tables for edits failed (${reason}); Re-read workbook takes them in.`,
  replacedEditsTitle: "Your edits not taken in that this replaces",
  replacedEdit: (edit: ReplacedEdit) =>
    `Your edit of ${edit.column} on row ${edit.line} (${quoted(edit.typed) ?? "emptied"}) ${
      edit.replacement === null
        ? "goes with its row, which the data does not have."
        : `is replaced by the data's ${quoted(edit.replacement) ?? "empty cell"}.`
    }`,
  lostUserValue: (lost: LostUserValue) =>
    `${lost.key} leaves the ${lost.table} table: your ${lost.column} on ${lost.key} goes with it ("${shortValue(lost)}").`,
  filteredTable: (at: WriteObstacle, change: SizeChange) =>
    `Nothing was changed: the ${at.table} table (${at.sheet}!${at.address}) is filtered, and ${sizeText(change)}; Excel does not resize a filtered table or delete only its visible rows. Clear the filter (Data > Clear), refresh, then filter again.`,
  protectedSheet: (at: WriteObstacle) =>
    `Nothing was changed: the sheet ${at.sheet}, which holds the ${at.table} table (${at.address}), is protected, so its cells cannot be written. Unprotect it (Review > Unprotect Sheet), refresh, then protect it again.`,
  protectedWorkbook:
    "Nothing was changed: the workbook's structure is protected, and a write needs to add sheets (hidden ones for its backups, and new ones for tables the workbook does not have yet). Unprotect it (Review > Protect Workbook), refresh, then protect it again.",
  mergedCells: (at: WriteObstacle, change: SizeChange) =>
    `Nothing was changed: ${sizeText(change)} of the ${at.table} table (sheet ${at.sheet}), and the merged cells at ${at.sheet}!${at.address} are in the way of the rows that move. Unmerge them (Home > Merge & Center) or move them away from the table, then try again.`,
  growthBlocked: (at: WriteObstacle, rows: number, what: GrowthObstacle) =>
    `Nothing was changed: the ${at.table} table (sheet ${at.sheet}) must grow by ${rows} rows for its new records, and ${
      what.kind === "spill"
        ? `the spilled result of the formula in ${what.formulaAt}`
        : what.kind === "table"
          ? `the table ${what.name}`
          : "data (a value, a formula or a PivotTable)"
    } is in the way at ${at.sheet}!${at.address}. Move it elsewhere, then try again.`,
  columnsBlocked: (at: WriteObstacle, columns: readonly string[]) =>
    `Nothing was changed: the ${at.table} table (sheet ${at.sheet}) was written by an older version and needs its new column${columns.length === 1 ? "" : "s"} ${columns.join(", ")} at its right, and ${at.sheet}!${at.address} there is not empty. Move what is there elsewhere (or insert an empty column to the right of the table), then try again.`,
  fixedAddress: (found: FixedAddressReference) =>
    `${found.cell} refers to ${found.reference}, which will not include the new rows; ${found.structured} would.`,
  totalRow: (at: Omit<WriteObstacle, "address">, change: SizeChange) =>
    `Nothing was changed: the ${at.table} table (sheet ${at.sheet}) shows a Total Row, and ${sizeText(change)}. Turn the Total Row off (Table Design > Total Row), refresh, then turn it back on.`,
  columnsMissing: (table: string, columns: readonly string[]) =>
    `The ${table} table has no column ${columns.map((c) => `"${c}"`).join(", ")} (renamed or deleted?). Nothing was changed. Give the column its name back, or delete the table to have it created again.`,
  editedWhileWriting:
    "Nothing was changed: the workbook's tables were edited while the new rows were being written. Check for changes again.",
  cannotResizeTables:
    "This version of Excel cannot resize a table (ExcelApi 1.13), so the tables cannot be refreshed in place. Nothing was changed. Update Excel, or use Excel on the web.",
  nothingChangedBecause: (reason: string) => `Nothing was changed: ${reason}`,
  tablesUnreadable: (reason: string) =>
    `Nothing was changed: reading the workbook's tables failed (${reason}).`,
  stagingFailed: (step: StagingStep, reason: string) =>
    `Nothing was changed: writing the new rows failed at ${stepText(step)} (${reason}).`,
  rollbackFailed: (commit: string, rollback: string, backups: readonly string[]) =>
    `Replacing the tables' contents failed (${commit}), and putting the old contents back failed too (${rollback}). Some tables may hold the new rows and others the old. The old contents are kept on the hidden sheets ${backups.join(", ")}. Use Re-read workbook to have the functions answer from what the tables hold, then refresh again.`,
  rolledBack: (commit: string) =>
    `Nothing was changed: replacing the tables' contents failed (${commit}) and every table was put back as it was.`,
  noChartLookup: "This version of Excel cannot look up charts by name (ExcelApi 1.4).",
  noPivotApi:
    "This version of Excel has no PivotTable API (ExcelApi 1.8). Use Insert > PivotTable on the Facts table.",
  noSuchSheet: (sheet: string) => `there is no ${sheet} sheet`,
  notACellAddress: (address: string) => `"${address}" is not a cell address.`,
};

export type WorkbookMessages = Readonly<typeof englishWorkbookMessages>;
export const englishWorkbook: WorkbookMessages = englishWorkbookMessages;

export const japaneseWorkbook: WorkbookMessages = {
  editsUnwatched: (reason) =>
    `編集を読み込めませんでした：編集を監視できません（${reason}）。［ブックを読み直す］で取り込みます。`,
  replacedEditsTitle: "置き換わる、取り込まれていない編集",
  replacedEdit: (edit) =>
    `${edit.line}行目の ${edit.column} へのあなたの編集（${quoted(edit.typed) ?? "空にした"}）は、${
      edit.replacement === null
        ? "行ごと消えます（データにない記録）。"
        : `データの${quoted(edit.replacement) ?? "空のセル"}に置き換わります。`
    }`,
  lostUserValue: (lost) =>
    `${lost.key} は ${lost.table} テーブルから外れます。${lost.key} の行にあなたが入力した ${lost.column}（「${shortValue(lost)}」）も一緒に消えます。`,
  filteredTable: (at, change) =>
    `${NOTHING_JA}${at.table} テーブル（${at.sheet}!${at.address}）にフィルターがかかっており、${sizeTextJa(change)}。Excel はフィルター中のテーブルの大きさを変えることも、表示中の行だけを削除することもしません。フィルターを解除し（［データ］>［クリア］）、更新してから、もう一度フィルターをかけてください。`,
  protectedSheet: (at) =>
    `${NOTHING_JA}${at.table} テーブル（${at.address}）のあるシート ${at.sheet} が保護されているため、セルに書き込めません。保護を解除し（［校閲］>［シート保護の解除］）、更新してから、もう一度保護してください。`,
  protectedWorkbook:
    "何も変更していません：ブックの構成が保護されていますが、書き込みにはシートの追加（バックアップ用の非表示シートと、ブックにまだないテーブル用の新しいシート）が必要です。保護を解除し（［校閲］>［ブックの保護］）、更新してから、もう一度保護してください。",
  mergedCells: (at, change) =>
    `${NOTHING_JA}${at.table} テーブル（シート ${at.sheet}）について${sizeTextJa(change)}が、${at.sheet}!${at.address} の結合セルが移動する行の妨げになっています。結合を解除する（［ホーム］>［セルを結合して中央揃え］）か、テーブルから離れた場所に移してから、もう一度お試しください。`,
  growthBlocked: (at, rows, what) =>
    `${NOTHING_JA}${at.table} テーブル（シート ${at.sheet}）は新しい記録のために${rows}行広がる必要がありますが、${at.sheet}!${at.address} に${
      what.kind === "spill"
        ? ` ${what.formulaAt} の数式のスピル結果`
        : what.kind === "table"
          ? `テーブル ${what.name}`
          : "データ（値、数式またはピボットテーブル）"
    }があります。別の場所に移してから、もう一度お試しください。`,
  columnsBlocked: (at, columns) =>
    `${NOTHING_JA}${at.table} テーブル（シート ${at.sheet}）は以前の版で書かれたもので、右端に新しい列 ${columns.join("、")} が必要ですが、そこにある ${at.sheet}!${at.address} が空ではありません。そこにあるものを別の場所に移すか、テーブルの右に空の列を挿入してから、もう一度お試しください。`,
  fixedAddress: (found) =>
    `${found.cell} は ${found.reference} を参照しているため、新しい行を含みません。${found.structured} なら含みます。`,
  totalRow: (at, change) =>
    `${NOTHING_JA}${at.table} テーブル（シート ${at.sheet}）に集計行が表示されており、${sizeTextJa(change)}。集計行をオフにし（［テーブル デザイン］>［集計行］）、更新してから、もう一度オンにしてください。`,
  columnsMissing: (table, columns) =>
    `${table} テーブルに列 ${columns.map((c) => `「${c}」`).join("、")} がありません（名前の変更か削除？）。何も変更していません。列の名前を元に戻すか、テーブルを削除して作り直させてください。`,
  editedWhileWriting: `${NOTHING_JA}新しい行の書き込み中にブックのテーブルが編集されました。もう一度［変更を確認］を選んでください。`,
  cannotResizeTables:
    "この版の Excel はテーブルの大きさを変えられない（ExcelApi 1.13）ため、テーブルをその場で更新できません。何も変更していません。Excel を更新するか、Excel on the web をお使いください。",
  nothingChangedBecause: (reason) => `${NOTHING_JA}${reason}`,
  tablesUnreadable: (reason) =>
    `${NOTHING_JA}ブックのテーブルを読み込めませんでした（${reason}）。`,
  stagingFailed: (step, reason) =>
    `${NOTHING_JA}新しい行の書き込みが、${stepTextJa(step)}の段階で失敗しました（${reason}）。`,
  rollbackFailed: (commit, rollback, backups) =>
    `テーブルの内容を置き換えられず（${commit}）、元の内容に戻すこともできませんでした（${rollback}）。新しい行のテーブルと元の行のテーブルが混在しているおそれがあります。元の内容は非表示シート ${backups.join("、")} に残っています。［ブックを読み直す］で関数がテーブルの今の内容から答えるようにしてから、もう一度更新してください。`,
  rolledBack: (commit) =>
    `${NOTHING_JA}テーブルの内容を置き換えられなかったため（${commit}）、すべてのテーブルを元に戻しました。`,
  noChartLookup: "この版の Excel はグラフを名前で探せません（ExcelApi 1.4）。",
  noPivotApi:
    "この版の Excel にはピボットテーブルの API がありません（ExcelApi 1.8）。Facts テーブルで［挿入］>［ピボットテーブル］を使ってください。",
  noSuchSheet: (sheet) => `${sheet} シートがありません`,
  notACellAddress: (address) => `「${address}」はセルのアドレスではありません。`,
};
