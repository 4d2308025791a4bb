import { formatNumber } from "../locale";

/**
 * Messages of the pane's session (opening the workbook, taking in edits, re-reading, downloads),
 * what the AID cells say while the tables are read, and the ledger's own refusals (user rates,
 * characters no name may hold, a broken bundle). English and Japanese side by side: the type is
 * the English object's, so the compiler names any key the Japanese misses or adds.
 */

/** What a re-read found (LedgerSession.reread). */
export type RereadFinding =
  | { readonly kind: "missing"; readonly table: string }
  | { readonly kind: "problems"; readonly problems: number }
  | { readonly kind: "changed" | "unchanged" };

/** A name's unusable character: `code` is "U+200B"; positions count characters from 1. */
export type CharacterProblem =
  | { readonly kind: "lone-surrogate" | "non-character"; readonly code: string }
  | { readonly kind: "control" | "invisible"; readonly code: string };

const TABLES_UNREAD = "Could not read this workbook's Aid Ledger tables";
const DERIVED_FAILED =
  "Facts, Rates and the Summary could not be brought up to date with your edit:";
const REREAD = "Re-read workbook tries again.";
const s = (n: number) => (n === 1 ? "" : "s");

const englishSessionMessages = {
  // The session's notices and activities.
  readingWorkbook: "Reading this workbook's Aid Ledger tables…",
  /** What the AID cells and AIDVERSION say after the start-up read failed. */
  workbookReadFailed: (reason: string) =>
    `${TABLES_UNREAD}: ${reason} Choose Re-read workbook in the pane.`,
  openFailed: (attempts: number, reason: string) =>
    `${TABLES_UNREAD} (${attempts} attempts): ${reason}. The AID cells show #N/A until they are read; choose Re-read workbook to try again.`,
  openProblems: (problems: number) =>
    `its tables have ${problems} problem${s(problems)} (listed under Edits not taken in).`,
  commitmentsGone: (table: string) =>
    `This workbook was loaded with Aid Ledger data, but its ${table} table is gone (deleted, or renamed). The functions answer from the bundled data until you load the data again.`,
  identityRestored: (sheet: string, records: number) =>
    `The functions answer from this workbook's own ${sheet} table (${records} records). The note of which dataset was loaded into it was missing, as happens when sheets are copied from another workbook; it has been stored again.`,
  commitmentsTableMissing: (sheet: string) => `the ${sheet} table is missing; load the data again`,
  derivedActivity: "Bringing Facts, Rates and the Summary up to date with your edit…",
  derivedSummaryFailed: (reasons: string) =>
    `${DERIVED_FAILED} the Summary was not refreshed (${reasons}). Facts and Rates follow your edit, and the AID cells show it; ${REREAD}`,
  derivedFailed: (reason: string) =>
    `${DERIVED_FAILED} ${reason} The AID cells show your edit; ${REREAD}`,
  editUnread: (reason: string) =>
    `Your edit could not be read: ${reason} The AID cells still answer from the data before it; ${REREAD}`,
  dataChangedSinceCheck:
    "Nothing was changed: the workbook's data changed after Check for changes (an edit was taken in, or another load). Check for changes again to see the differences against it.",
  typedRateRefused: (sheet: string, line: number, column: string, reason: string) =>
    `${sheet} row ${line}, ${column}: ${reason}. Nothing was changed: loading rewrites ${sheet} and would delete your row; correct or delete it, then try again.`,
  workbookNotRead: "Could not read the workbook.",
  reopened: (contents: string) =>
    `Read this workbook's tables: ${contents}; the AID cells answer from them.`,
  reread: (found: RereadFinding, contents: string) =>
    `Read the workbook: ${
      found.kind === "missing"
        ? `no ${found.table} table`
        : found.kind === "problems"
          ? `${found.problems} problem(s) in your edits, not taken in`
          : found.kind === "changed"
            ? "took in your edits"
            : "nothing had changed"
    } (the functions answer from ${contents}).`,
  writeFailed: (action: "load" | "apply", reason: string) =>
    `Could not ${action === "load" ? "load the data" : "apply the changes"}: ${reason}`,
  noRecordInTable: (sheet: string, id: string) => `the ${sheet} table has no record ${id}`,

  // Sheet features.
  nothingToRepair: "No AID cell shows #NAME?: nothing to repair.",
  /** `shown`: the first cells' addresses; `more`: how many others. */
  aidCellsRepaired: (count: number, shown: string, more: number) =>
    `Repaired ${count} AID cell${s(count)} that showed #NAME? (${shown}${more > 0 ? ` and ${more} more` : ""}): each formula was entered again.`,
  sheetHasNoAidFormula: (sheet: string) => `${sheet} holds no AID formula.`,

  // Downloads and the published manifest.
  notAWebAddress: (address: string) => `"${address}" is not a web address`,
  onlyHttps: (address: string, scheme: string) =>
    `only https addresses are allowed; "${address}" uses ${scheme}`,
  malformedEscape: (part: string) =>
    `the address's last part "${part}" has a malformed percent-escape (% must be followed by two hex digits of UTF-8)`,
  serverAnswered: (status: number, text: string) => `the server answered ${status} ${text}`,
  fileBytesOverLimit: (bytes: number, limit: number) =>
    `the file is ${bytes} bytes; the limit is ${limit}`,
  fileOverLimit: (limit: number, megabytes?: number) =>
    `the file is larger than the limit of ${limit} bytes${megabytes ? ` (${megabytes} MB)` : ""}`,
  noAnswerWithin: (seconds: number) => `no complete answer within ${seconds} s`,
  /** `hop`: which redirect, when the address it gave is known. */
  redirectedNotHttps: (address: string, hop?: number) =>
    `the address redirected to ${address}, which is not https${hop ? ` (redirect ${hop})` : ""}`,
  redirectedNotWebAddress: (address: string) =>
    `the address redirected to "${address}", which is not a web address`,
  tooManyRedirects: (max: number) => `more than ${max} redirects`,
  // A dataset file that cannot be read as records.
  /** `encoding` null: UTF-16 or another two-byte encoding, told by its NUL bytes. */
  wideEncodingFile: (encoding: string | null) =>
    `this file is ${encoding ?? "UTF-16 (or another two-byte encoding)"}: save it as UTF-8`,
  nulCharacter: (at: number) => `NUL character at character ${at}: a dataset file is UTF-8 text`,
  notUtf8: (offset: number, hex: string) =>
    `not UTF-8: byte ${offset} (0x${hex}) is not part of a UTF-8 character; save the file as UTF-8`,
  notRecordList: "expected a JSON array of records",
  recordNotObject: "each record must be a JSON object",
  keyTwice: (key: string) => `the key "${key}" is given twice in this record; give each field once`,
  unknownColumn: (column: string, columns: readonly string[]) =>
    `unknown column "${column}"; columns are ${columns.join(", ")}`,
  columnTwice: (column: string, first: number, second: number) =>
    `the column "${column}" is given twice (columns ${first} and ${second}); give each field once`,
  requiredColumnMissing: "required column is missing",
  cellCount: (cells: number, header: number) => `has ${cells} cells; the header has ${header}`,
  notWholeNumber: (typed: string) => `"${typed}" is not a whole number`,
  notTrueOrFalse: (typed: string) => `"${typed}" is not TRUE or FALSE`,
  /** An amount as the user typed it (parseAmount). */
  notPlainDecimal: (typed: string) =>
    `"${typed}" is not a plain decimal number (digits, optionally one "." and more digits)`,
  tooManyDecimals: (currency: string, digits: number, typed: string, places: number) =>
    `${currency} amounts have at most ${digits} decimal places; "${typed}" has ${places}`,
  amountBeyondMinorUnits: (typed: string, limit: number) =>
    `"${typed}" is too large (at most ${limit} minor units)`,
  loadCancelled: "cancelled: nothing was loaded or changed",
  /** The workbook's own tables, read back. */
  columnMissingFromTable: (sheet: string) => `column is missing from the ${sheet} table`,
  ratesColumnsNeeded: (sheet: string, columns: readonly string[]) =>
    `the ${sheet} table needs the columns ${columns.slice(0, -1).join(", ")} and ${columns[columns.length - 1]}`,
  rowTooLarge: (row: number, bytes: number, budget: number) =>
    `row ${row} is ${bytes} bytes, more than one request can carry (${budget} bytes)`,

  // A refused file, diagnosed; a failed download, explained.
  htmlNotDataset:
    "This is an HTML page, not a dataset: the address or file gives a web page (often a sign-in, error or download page) instead of the data. Use the address of the JSON or CSV file itself.",
  jsonNotDataset:
    "This JSON is not a dataset: a dataset is a list of records ([{...}, {...}]), as the aid dataset --json command prints it.",
  fileNotJson:
    "This file is not valid JSON, so no record in it can be read. Check that it is the whole file, saved as JSON.",
  /** `more`: how many foreign columns past those shown. */
  foreignColumns: (shown: readonly string[], more: number) =>
    `These columns are not the dataset's: ${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""}. A dataset's first line names its columns (id, sourceFile, sourceTitle, evidence, kind, amount, currency, recipient, ...), as the aid dataset --csv command prints them.`,
  offline: (host: string) =>
    `This computer is offline, so ${host} cannot be reached. Connect to the network, then check again.`,
  timedOut: (host: string) =>
    `${host} did not answer in time. Try again later, or download the file and refresh from the file.`,
  noSuchServer: (host: string) =>
    `No server named ${host} was found. Check the address for a typing error.`,
  untrustedCertificate: (host: string) =>
    `The secure connection to ${host} failed: its certificate is not trusted (expired, self-signed, or for another name). Use an address with a valid certificate, or download the file and refresh from the file.`,
  connectionRefused: (host: string) =>
    `${host} refused the connection: no web server answers at that address.`,
  corsRefused: (host: string) =>
    `${host} refused to share the file with the add-in (its CORS policy does not allow other sites to read it). Download the file and refresh from the file, or ask the site to allow cross-origin reads.`,
  unreachable: (host: string) =>
    `${host} could not be reached. The browser does not say why; the usual causes are: the server does not allow other sites to read the file (CORS), the name is misspelt, or its certificate is not trusted. Open the address in a browser tab: if the file shows there, download it and refresh from the file.`,
  unreachableBecause: (host: string, reason: string) => `${host} could not be reached: ${reason}`,
  noManifestBeside: (address: string, reason: string) => `no manifest beside ${address}: ${reason}`,
  manifestInvalid: (address: string, problems: string) =>
    `the manifest beside ${address} is not valid: ${problems}`,
  downloadNotManifested: (
    address: string,
    manifest: { readonly hash: string; readonly records: number },
    downloaded: { readonly hash: string; readonly records: number }
  ) =>
    `Nothing was changed: the file downloaded from ${address} is not the one its manifest describes (manifest ${manifest.hash}, ${manifest.records} records; downloaded ${downloaded.hash}, ${downloaded.records} records). The site may be publishing right now, or a cache holds an older copy: try again later.`,

  // The ledger's refusals.
  unknownRateDocument: (typed: string, titles: readonly string[]) =>
    `no document in the dataset is called "${typed}"; give its title: ${titles.map((t) => `"${t}"`).join(" or ")}`,
  statesOwnRate: (title: string, pairs: number) =>
    `"${title}" states its own rate (${pairs} pair(s)); a user rate is only for documents that state none`,
  rateAlreadyGiven: (title: string) => `a rate for "${title}" is already given`,
  rateNotPositive: (typed: string) =>
    `"${typed}" is not a positive decimal number of yen per US dollar`,
  characterProblem: (problem: CharacterProblem, at: number) =>
    `${
      problem.kind === "lone-surrogate"
        ? `lone surrogate ${problem.code} (half of a character: the text was cut or mis-decoded)`
        : problem.kind === "non-character"
          ? `non-character ${problem.code} (reserved by Unicode, and XML cannot carry it)`
          : `${problem.kind} character ${problem.code}`
    } at position ${at}`,
  /** Script names are Unicode's ("Latin", "Greek"), as the standard and its tools name them. */
  mixedScripts: (scripts: readonly string[], script: string, ch: string, at: number) =>
    `names may not mix scripts: ${scripts.join(" and ")} (${script} "${ch}" at position ${at})`,
  bundledReferenceInconsistent: (problems: string) =>
    `The bundled reference data is inconsistent:\n${problems}`,
  bundledDatasetInvalid: (problems: string) => `The bundled dataset is invalid:\n${problems}`,
};

export type SessionMessages = Readonly<typeof englishSessionMessages>;
export const englishSession: SessionMessages = englishSessionMessages;

const TABLES_UNREAD_JA = "このブックの Aid Ledger テーブルを読み込めませんでした";
const DERIVED_FAILED_JA = "編集に合わせて Facts、Rates、Summary を更新できませんでした：";
const REREAD_JA = "［ブックを読み直す］でもう一度試せます。";
const NOTHING_JA = "何も変更していません：";
const ja = (n: number) => formatNumber(n, "ja", 0);

export const japaneseSession: SessionMessages = {
  readingWorkbook: "このブックの Aid Ledger テーブルを読み込んでいます…",
  workbookReadFailed: (reason) =>
    `${TABLES_UNREAD_JA}：${reason} 作業ウィンドウで［ブックを読み直す］を選んでください。`,
  openFailed: (attempts, reason) =>
    `${TABLES_UNREAD_JA}（${attempts}回試行）：${reason}。読み込めるまで AID のセルは #N/A を表示します。［ブックを読み直す］でもう一度試せます。`,
  openProblems: (problems) =>
    `テーブルに問題が${problems}件あります（「反映されなかった編集」に一覧があります）。`,
  commitmentsGone: (table) =>
    `このブックには Aid Ledger のデータを読み込みましたが、${table} テーブルがありません（削除されたか、名前が変わりました）。データをもう一度読み込むまで、関数は同梱データから答えます。`,
  identityRestored: (sheet, records) =>
    `関数はこのブック自身の ${sheet} テーブル（記録${records}件）から答えます。どのデータセットを読み込んだかの記録がなくなっていたため（別のブックからシートをコピーすると起こります）、記録し直しました。`,
  commitmentsTableMissing: (sheet) =>
    `${sheet} テーブルがありません。データをもう一度読み込んでください`,
  derivedActivity: "編集に合わせて Facts、Rates、Summary を更新しています…",
  derivedSummaryFailed: (reasons) =>
    `${DERIVED_FAILED_JA}Summary を更新できませんでした（${reasons}）。Facts と Rates は編集に合わせてあり、AID のセルにも反映されています。${REREAD_JA}`,
  derivedFailed: (reason) =>
    `${DERIVED_FAILED_JA}${reason} AID のセルには編集が反映されています。${REREAD_JA}`,
  editUnread: (reason) =>
    `編集を読み込めませんでした：${reason} AID のセルは編集前のデータから答えています。${REREAD_JA}`,
  dataChangedSinceCheck: `${NOTHING_JA}［変更を確認］の後にブックのデータが変わりました（編集の反映か、別の読み込みがありました）。もう一度［変更を確認］を選ぶと、今のデータとの違いが分かります。`,
  typedRateRefused: (sheet, line, column, reason) =>
    `${sheet} の${line}行目、${column}：${reason}。何も変更していません。読み込むと ${sheet} を書き直すため、この行が消えてしまいます。行を直すか削除してから、もう一度お試しください。`,
  workbookNotRead: "ブックを読み込めませんでした。",
  reopened: (contents) =>
    `このブックのテーブルを読み込みました：${contents}。AID のセルはこれらから答えます。`,
  reread: (found, contents) =>
    `ブックを読み込みました：${
      found.kind === "missing"
        ? `${found.table} テーブルがありません`
        : found.kind === "problems"
          ? `編集に問題が${found.problems}件あり、反映していません`
          : found.kind === "changed"
            ? "編集を反映しました"
            : "変更はありませんでした"
    }（関数は${contents}から答えます）。`,
  writeFailed: (action, reason) =>
    `${action === "load" ? "データを読み込めませんでした" : "変更を適用できませんでした"}：${reason}`,
  noRecordInTable: (sheet, id) => `${sheet} テーブルに記録 ${id} がありません`,

  nothingToRepair: "#NAME? を表示している AID のセルはありません。修復するものはありません。",
  aidCellsRepaired: (count, shown, more) =>
    `#NAME? を表示していた AID のセル${count}件（${shown}${more > 0 ? ` ほか${more}件` : ""}）の数式を入力し直して修復しました。`,
  sheetHasNoAidFormula: (sheet) => `${sheet} に AID 数式はありません。`,

  notAWebAddress: (address) => `「${address}」はウェブアドレスではありません`,
  onlyHttps: (address, scheme) =>
    `使えるのは https のアドレスだけです。「${address}」は ${scheme} です`,
  malformedEscape: (part) =>
    `アドレスの最後の部分「${part}」のパーセントエンコードが正しくありません（% の後には UTF-8 の16進数2桁が必要です）`,
  serverAnswered: (status, text) => `サーバーの応答は ${status} ${text} でした`,
  fileBytesOverLimit: (bytes, limit) =>
    `ファイルが${ja(bytes)}バイトあります。上限は${ja(limit)}バイトです`,
  fileOverLimit: (limit, megabytes) =>
    `ファイルが上限の${ja(limit)}バイト${megabytes ? `（${megabytes} MB）` : ""}を超えています`,
  noAnswerWithin: (seconds) => `${seconds}秒以内に応答が完了しませんでした`,
  redirectedNotHttps: (address, hop) =>
    `アドレスの転送先 ${address} は https ではありません${hop ? `（${hop}回目の転送）` : ""}`,
  redirectedNotWebAddress: (address) =>
    `アドレスの転送先「${address}」はウェブアドレスではありません`,
  tooManyRedirects: (max) => `転送が${max}回を超えました`,
  wideEncodingFile: (encoding) =>
    `このファイルは ${encoding ?? "UTF-16（または別の2バイトの文字コード）"} です。UTF-8 で保存してください`,
  nulCharacter: (at) =>
    `${at}文字目に NUL 文字があります。データセットのファイルは UTF-8 のテキストです`,
  notUtf8: (offset, hex) =>
    `UTF-8 ではありません：${offset}バイト目（0x${hex}）は UTF-8 の文字の一部ではありません。ファイルを UTF-8 で保存してください`,
  notRecordList: "記録の JSON 配列が必要です",
  recordNotObject: "各記録は JSON のオブジェクトにしてください",
  keyTwice: (key) =>
    `この記録でキー「${key}」が2回指定されています。各項目は1回だけ指定してください`,
  unknownColumn: (column, columns) =>
    `「${column}」という列はありません。列は ${columns.join("、")} です`,
  columnTwice: (column, first, second) =>
    `列「${column}」が2回あります（${first}列目と${second}列目）。各項目は1回だけ指定してください`,
  requiredColumnMissing: "必要な列がありません",
  cellCount: (cells, header) => `セルが${cells}個あります。見出し行は${header}個です`,
  notWholeNumber: (typed) => `「${typed}」は整数ではありません`,
  notTrueOrFalse: (typed) => `「${typed}」は TRUE でも FALSE でもありません`,
  notPlainDecimal: (typed) =>
    `「${typed}」は通常の小数の書き方ではありません（数字、必要なら「.」と続く数字）`,
  tooManyDecimals: (currency, digits, typed, places) =>
    `${currency} の金額の小数は${digits}桁までです。「${typed}」は${places}桁あります`,
  amountBeyondMinorUnits: (typed, limit) =>
    `「${typed}」は大きすぎます（最小単位で ${limit} まで）`,
  loadCancelled: "中止しました。何も読み込まず、何も変更していません",
  columnMissingFromTable: (sheet) => `${sheet} テーブルにこの列がありません`,
  ratesColumnsNeeded: (sheet, columns) =>
    `${sheet} テーブルには列 ${columns.join("、")} が必要です`,
  rowTooLarge: (row, bytes, budget) =>
    `${row}行目が${ja(bytes)}バイトあり、1回の要求で送れる量（${ja(budget)}バイト）を超えます`,
  htmlNotDataset:
    "これはデータセットではなく HTML のページです。アドレスまたはファイルが、データの代わりにウェブページ（サインイン、エラー、ダウンロードのページなど）を返しています。JSON または CSV ファイルそのもののアドレスを指定してください。",
  jsonNotDataset:
    "この JSON はデータセットではありません。データセットは、aid dataset --json コマンドが出力するような記録の一覧（[{...}, {...}]）です。",
  fileNotJson:
    "このファイルは正しい JSON ではないため、記録を1件も読み込めません。ファイル全体が JSON として保存されているか確認してください。",
  foreignColumns: (shown, more) =>
    `次の列はデータセットの列ではありません：${shown.join("、")}${more > 0 ? ` ほか${more}列` : ""}。データセットの1行目には、aid dataset --csv コマンドが出力するように列名（id、sourceFile、sourceTitle、evidence、kind、amount、currency、recipient など）が並びます。`,
  offline: (host) =>
    `このコンピューターはオフラインのため、${host} に接続できません。ネットワークに接続してから、もう一度確認してください。`,
  timedOut: (host) =>
    `${host} から時間内に応答がありませんでした。しばらくしてからもう一度試すか、ファイルをダウンロードしてファイルから更新してください。`,
  noSuchServer: (host) =>
    `${host} という名前のサーバーが見つかりません。アドレスに入力誤りがないか確認してください。`,
  untrustedCertificate: (host) =>
    `${host} との安全な接続に失敗しました。証明書が信頼されていません（期限切れ、自己署名、または別の名前のもの）。有効な証明書のあるアドレスを使うか、ファイルをダウンロードしてファイルから更新してください。`,
  connectionRefused: (host) =>
    `${host} が接続を拒否しました。そのアドレスで応答するウェブサーバーがありません。`,
  corsRefused: (host) =>
    `${host} がアドインへのファイルの提供を拒否しました（CORS ポリシーが他のサイトからの読み取りを許可していません）。ファイルをダウンロードしてファイルから更新するか、サイトに他のサイトからの読み取りを許可するよう依頼してください。`,
  unreachable: (host) =>
    `${host} に接続できませんでした。ブラウザーは理由を示しません。よくある原因は、サーバーが他のサイトからの読み取りを許可していない（CORS）、名前の綴りの誤り、証明書が信頼されていない、のいずれかです。ブラウザーのタブでアドレスを開き、ファイルが表示されたら、ダウンロードしてファイルから更新してください。`,
  unreachableBecause: (host, reason) => `${host} に接続できませんでした：${reason}`,
  noManifestBeside: (address, reason) =>
    `${address} と同じ場所にマニフェストがありません：${reason}`,
  manifestInvalid: (address, problems) =>
    `${address} と同じ場所のマニフェストが正しくありません：${problems}`,
  downloadNotManifested: (address, manifest, downloaded) =>
    `${NOTHING_JA}${address} からダウンロードしたファイルは、マニフェストに記載されたものと違います（マニフェスト ${manifest.hash}、記録${manifest.records}件。ダウンロード ${downloaded.hash}、記録${downloaded.records}件）。サイトが公開作業中か、キャッシュに古い版が残っている可能性があります。しばらくしてからもう一度お試しください。`,

  unknownRateDocument: (typed, titles) =>
    `データセットに「${typed}」という報告書はありません。報告書名（${titles.map((t) => `「${t}」`).join("または")}）を指定してください`,
  statesOwnRate: (title, pairs) =>
    `「${title}」には報告書自身のレートがあります（金額の組${pairs}件）。利用者が指定するレートは、レートのない報告書にだけ使えます`,
  rateAlreadyGiven: (title) => `「${title}」のレートはすでに指定されています`,
  rateNotPositive: (typed) => `「${typed}」は1ドルあたり円の正の小数ではありません`,
  characterProblem: (problem, at) =>
    `${at}文字目に${
      problem.kind === "lone-surrogate"
        ? `単独のサロゲート ${problem.code}（文字の半分です。テキストが途中で切れたか、誤って復号されています）`
        : problem.kind === "non-character"
          ? `非文字 ${problem.code}（Unicode の予約で、XML では表せません）`
          : `${problem.kind === "control" ? "制御文字" : "見えない文字"} ${problem.code}`
    }があります`,
  mixedScripts: (scripts, script, ch, at) =>
    `名前に複数の文字体系を混ぜることはできません：${scripts.join("、")}（${at}文字目の ${script}「${ch}」）`,
  bundledReferenceInconsistent: (problems) => `同梱の参照データに矛盾があります：\n${problems}`,
  bundledDatasetInvalid: (problems) => `同梱のデータセットが正しくありません：\n${problems}`,
};
