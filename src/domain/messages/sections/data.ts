/**
 * Messages of the Data tab, the status line, the pane's shell (tabs, language switch, errors).
 * English and Japanese side by side: the type is the English object's, so the compiler names any
 * key the Japanese misses or adds. Terms as a Japanese budget examiner writes them: 記録 (record),
 * 報告書 (report), 為替レート (rate), 年度, and Excel's own Japanese menu names.
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const withFullStop = (reason: string) => {
  const trimmed = reason.trim();
  return /[.!?。！？]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};
const withKuten = (reason: string) => {
  const trimmed = reason.trim();
  return /[.!?。！？]$/.test(trimmed) ? trimmed : `${trimmed}。`;
};
/** The problems' pseudo-fields (a whole file, an address, a record) in Japanese; real fields keep their names. */
const PSEUDO_FIELDS_JA: Readonly<Record<string, string>> = {
  "(file)": "（ファイル）",
  "(address)": "（アドレス）",
  "(record)": "（記録）",
};
const fieldJa = (field: string) => PSEUDO_FIELDS_JA[field] ?? field;
const CALCULATION_MODE_JA = {
  Manual: "手動",
  Automatic: "自動",
  AutomaticExceptTables: "テーブル以外自動",
};

const englishDataMessages = {
  // The pane's shell.
  appTitle: "Aid Ledger",
  tabListLabel: "Aid Ledger",
  tabData: "Data",
  tabBuild: "Build",
  tabSearch: "Search",
  tabExplain: "Explain",
  tabFunctions: "Functions",
  languageSwitchLabel: "Language",
  paneErrorsTitle: "Aid Ledger ran into a problem",
  paneError: (what: string, message: string) => `${what}: ${message}`,
  dismiss: "Dismiss",
  cancel: "Cancel",
  workbookUnreadable: "Could not read the workbook's data",
  requirementsMissing: (
    version: string | null,
    names: string,
    builds: { readonly windows: string; readonly mac: string }
  ) =>
    `This Excel${version ? ` (version ${version})` : ""} lacks ${names}. Aid Ledger needs Excel on the web, Excel on Windows ${builds.windows} or later (Microsoft 365 or Office 2021), or Excel on Mac ${builds.mac} or later.`,

  // The status line (AIDVERSION prints the same).
  contents: (records: number, reports: number) =>
    `${plural(records, "record", "records")} from ${plural(reports, "report", "reports")}`,
  statusNotLoaded: (contents: string, asOf: string | null) =>
    `Bundled data, ${contents} (not yet loaded into this workbook${asOf ? `, as of ${asOf}` : ""})`,
  statusEdited: (when: string, contents: string) =>
    `Data edited in this workbook since ${when}, ${contents}`,
  statusLoaded: (origin: string, contents: string, when: string) =>
    `${origin}, ${contents}, loaded ${when}`,
  originBundled: "Bundled data",
  originFile: (name: string) => `Data from the file ${name}`,
  originOther: (source: string) => `Data from ${source}`,
  aidVersionHint: "=AIDVERSION() prints this line in a cell, for reports.",
  contentsSentence: (contents: string) => `${contents}.`,

  // Reports and their rates.
  reportsAndRates: "Reports and rates",
  reportsList: "Reports",
  statedPairsOf: (title: string) => `Stated pairs of ${title}`,
  usDollars: "US dollars",
  yen: "Yen",
  yenPerDollar: "Yen per $",
  rateGivenByUser: (title: string, rate: string) =>
    `${title} states no amount in both currencies; the rate of ${rate} yen per dollar was given in the Rates table of this workbook.`,
  rateNone: (title: string) =>
    `${title} states no amount in both currencies, so it has no rate: its yen figures cannot be shown in dollars (nor its dollar figures in yen) until you give a rate for it in the Rates table.`,
  rateFromOnePair: (title: string, rate: string) =>
    `${title} states one amount in both currencies, which implies ${rate} yen per dollar: that is its rate.`,
  rateFromPairs: (title: string, count: number, rates: readonly string[], rate: string) =>
    `${title} states ${count} amounts in both currencies. The rates they imply, from lowest to highest, are ${rates.slice(0, -1).join(", ")} and ${rates[rates.length - 1]} yen per dollar; its rate is ${count % 2 === 1 ? "the middle one" : "the average of the middle two"}, ${rate} yen per dollar.`,
  rateChanges: (title: string, from: string, to: string) =>
    `${title}: ${from} → ${to} yen per dollar; every conversion of its records changes.`,
  rateGained: (title: string, to: string) =>
    `${title}: no rate → ${to} yen per dollar; its records can now be converted.`,
  rateLost: (title: string, from: string) =>
    `${title}: ${from} yen per dollar → no rate; its records can no longer be converted.`,

  // The Data tab.
  workbookDataHeading: "Workbook data",
  loadData: "Load data",
  rereadWorkbook: "Re-read workbook",
  loadReviewIntro:
    "The workbook's tables differ from the bundled data. Loading it replaces them with these changes:",
  tablesMissing: (tables: readonly string[]) =>
    `The workbook no longer has the ${tables.join(", ")} table${tables.length > 1 ? "s" : ""} (deleted, or renamed). Nothing was changed. Create ${tables.length > 1 ? "them" : "it"} again on a new sheet?`,
  createAgain: "Create again",
  checkForNewer: "Check for a newer dataset",
  newerDataset: (
    version: string,
    records: number,
    reports: number,
    published: string,
    address: string
  ) =>
    `A newer dataset is available: version ${version}, ${records} records from ${plural(reports, "report", "reports")}, published ${published}, at ${address}. Refresh from that address to see what would change.`,
  fromWebAddress: "Data from a web address.",
  publishedUnknown: (reason: string) =>
    `Could not tell whether a newer dataset is published: ${reason}.`,
  latestPublished: "This is the latest dataset published at its address.",
  calculationMode: (mode: "Manual" | "AutomaticExceptTables") =>
    `Excel's calculation is set to ${mode === "Manual" ? "Manual" : "Automatic except tables"}: AID cells show new answers only when Excel calculates (F9). To have them follow every change, choose Formulas > Calculation Options > Automatic.`,

  // Refresh.
  refreshHeading: "Refresh",
  refreshFrom: "Refresh from",
  sourceBundled: "Bundled dataset",
  sourceFile: "File",
  sourceUrl: "Web address",
  datasetFile: "Dataset file",
  datasetFileHint: "JSON or CSV, in the format the aid dataset command prints.",
  webAddressField: "Web address (https)",
  checkForChanges: "Check for changes",
  cancelCheck: "Cancel check",
  checkFailed: (reason: string) => `Could not check the data: ${reason}`,
  chooseFileFirst: "Choose a dataset file first (JSON or CSV).",
  enterAddressFirst: "Enter a web address first, starting with https://.",
  checkingData: "Reading and checking the data…",
  readingFile: "Reading the file…",
  indexingRecords: "Indexing the records…",
  checkingRecords: (percent: number) => `Checking the records: ${percent}%…`,

  // Refused sources and edits.
  notADataset: "Not a dataset; nothing was changed",
  problemsRefused: (total: number) =>
    `${total} ${total === 1 ? "problem" : "problems"}; nothing was changed`,
  hideProblems: "Hide the problems",
  showProblems: (total: number) => `Show the ${total} ${total === 1 ? "problem" : "problems"}`,
  unknownColumnAt: (line: number, column: string) => `line ${line}: "${column}"`,
  problemWhole: (field: string, message: string) => `${field}: ${message}`,
  problemAt: (where: "line" | "row", line: number | undefined, record: number) =>
    line !== undefined ? `${where} ${line} (record ${record})` : `record ${record}`,
  problemLine: (where: string, id: string | null, field: string, message: string) =>
    `${where}${id ? `, id ${id}` : ""}, field ${field}: ${message}`,
  groupUnknownColumns: "Columns the dataset does not have",
  groupMissingColumns: "Columns the dataset needs",
  groupWholeFile: "The file as a whole",
  groupField: (field: string) => `Field ${field}`,
  editsNotTakenIn: "Edits not taken in",
  editsKeepLastValid:
    "The functions keep answering from the last valid data until these are fixed.",
  derivedTablesLag: (problems: number) =>
    `Facts, Rates and the Summary show the data as last accepted; fix the ${plural(problems, "problem", "problems")} below to bring them up to date.`,

  // The review of a refresh or a load.
  changesRegion: "Changes",
  changeCounts: (added: number, removed: number, changed: number, unchanged: number) =>
    `${added} added, ${removed} removed, ${changed} changed, ${unchanged} unchanged`,
  noChanges: "No changes. Applying rewrites the tables with the same data.",
  addedTitle: "Added",
  removedTitle: "Removed",
  changedTitle: "Changed",
  lostValuesTitle: "Your values that go with removed records",
  ratesTitle: "Rates",
  ratesThatChange: "Rates that change",
  fixedAddressCheckFailed: (reason: string) =>
    `Could not check the workbook's formulas for fixed addresses: ${reason}`,
  missNewRowsTitle: "Formulas that will miss the new rows",
  answersOnSheet: "Answers on this sheet",
  readingSheetFormulas: "Reading this sheet’s AID formulas…",
  sheetFormulasFailed: (reason: string) => `Could not read this sheet's formulas: ${reason}`,
  noAidFormula: "This sheet has no AID formula.",
  noAnswerChanges: (formulas: number) =>
    `None of this sheet’s ${formulas} AID ${formulas === 1 ? "formula changes" : "formulas change"}.`,
  answersThatChange: "Answers that change",
  applyChanges: "Apply changes",
  emptyValue: "(empty)",

  // Writing and its outcome.
  writingTables: "Writing tables",
  writingProgress: (done: number, total: number) => `Writing tables: ${done} of ${total} requests`,
  preparingTables: "Preparing the tables…",
  loadFailed: "Load failed",
  refreshFailed: "Refresh failed",
  dataLoaded: "Data loaded",
  changesApplied: "Changes applied",
  tablesWritten: (commitments: string, facts: string, rates: string) =>
    `The ${commitments}, ${facts} and ${rates} tables were written; the functions now answer from them.`,
  pivotMade: (sheet: string, data: string, rows: string, columns: string) =>
    `The ${sheet} sheet has a PivotTable of ${data} by ${rows} and ${columns}.`,
  pivotNotMade: (sheet: string, reason: string) =>
    `No ${sheet} PivotTable: ${withFullStop(reason)}`,
  chartMade: " A chart of committed USD by region and year stands beside it.",
  chartNotMade: (reason: string) => ` No chart beside it: ${withFullStop(reason)}`,

  // Repair and briefing copy.
  repairAidCells: "Repair AID cells",
  repairFailed: (reason: string) => `Could not repair the AID cells: ${reason}`,
  shareHeading: "Share",
  briefingIntro:
    "Colleagues without Aid Ledger see #NAME? in AID cells. A briefing copy of the active sheet holds the values instead, and a Sources sheet says where each comes from.",
  makeBriefingCopy: "Make a briefing copy",
  copyingSheet: "Copying the sheet…",
  briefingMade: "Briefing copy made",
  briefingMadeText: (sheet: string, formulas: number, sources: string) =>
    `${sheet} holds the values of ${formulas} AID ${formulas === 1 ? "formula" : "formulas"}; ${sources} lists their sources. The original sheet is unchanged.`,
  noCopyMade: "No copy made",
  copyFailed: (reason: string) => `Could not make the copy: ${reason}`,
};

export type DataMessages = Readonly<typeof englishDataMessages>;
export const englishData: DataMessages = englishDataMessages;

export const japaneseData: DataMessages = {
  appTitle: "Aid Ledger",
  tabListLabel: "Aid Ledger",
  tabData: "データ",
  tabBuild: "数式作成",
  tabSearch: "検索",
  tabExplain: "説明",
  tabFunctions: "関数",
  languageSwitchLabel: "表示言語",
  paneErrorsTitle: "Aid Ledger で問題が起きました",
  paneError: (what, message) => `${what}：${message}`,
  dismiss: "閉じる",
  cancel: "キャンセル",
  workbookUnreadable: "ブックのデータを読み込めませんでした",
  requirementsMissing: (version, names, builds) =>
    `この Excel${version ? `（バージョン ${version}）` : ""}には ${names} がありません。Aid Ledger には Excel on the web、Windows 版 Excel の ${builds.windows.replace("Version", "バージョン").replace("Build", "ビルド")} 以降（Microsoft 365 または Office 2021）、または Mac 版 Excel の ${builds.mac} 以降が必要です。`,

  contents: (records, reports) => `報告書${reports}件の記録${records}件`,
  statusNotLoaded: (contents, asOf) =>
    `同梱データ、${contents}（このブックにはまだ読み込んでいません${asOf ? `、${asOf}時点` : ""}）`,
  statusEdited: (when, contents) => `${when}以降このブックで編集したデータ、${contents}`,
  statusLoaded: (origin, contents, when) => `${origin}、${contents}、${when}読み込み`,
  originBundled: "同梱データ",
  originFile: (name) => `ファイル ${name} のデータ`,
  originOther: (source) => `${source} のデータ`,
  aidVersionHint: "=AIDVERSION() はこの行をセルに書き出します（報告書用）。",
  contentsSentence: (contents) => `${contents}。`,

  reportsAndRates: "報告書と為替レート",
  reportsList: "報告書",
  statedPairsOf: (title) => `${title} に記載された金額の組`,
  usDollars: "米ドル",
  yen: "円",
  yenPerDollar: "1ドルあたり円",
  rateGivenByUser: (title, rate) =>
    `${title} には両通貨で記載された金額がありません。1ドル＝${rate}円の為替レートは、このブックの Rates テーブルで指定されたものです。`,
  rateNone: (title) =>
    `${title} には両通貨で記載された金額がないため、為替レートがありません。Rates テーブルでレートを指定するまで、円の金額をドルで（ドルの金額を円で）表すことはできません。`,
  rateFromOnePair: (title, rate) =>
    `${title} には両通貨で記載された金額が1件あり、そこから1ドル＝${rate}円となります。これがこの報告書の為替レートです。`,
  rateFromPairs: (title, count, rates, rate) =>
    `${title} には両通貨で記載された金額が${count}件あります。そこから求めたレートは低い順に ${rates.join("、")}（円／ドル）で、${count % 2 === 1 ? "その中央の値" : "中央の2つの平均"}である1ドル＝${rate}円がこの報告書の為替レートです。`,
  rateChanges: (title, from, to) =>
    `${title}：1ドル＝${from}円 → ${to}円。この報告書の記録の換算はすべて変わります。`,
  rateGained: (title, to) =>
    `${title}：レートなし → 1ドル＝${to}円。この報告書の記録を換算できるようになります。`,
  rateLost: (title, from) =>
    `${title}：1ドル＝${from}円 → レートなし。この報告書の記録は換算できなくなります。`,

  workbookDataHeading: "ブックのデータ",
  loadData: "データを読み込む",
  rereadWorkbook: "ブックを読み直す",
  loadReviewIntro:
    "ブックのテーブルが同梱データと異なります。読み込むと、次の変更でテーブルを置き換えます：",
  tablesMissing: (tables) =>
    `ブックに ${tables.join("、")} テーブルがもうありません（削除されたか、名前が変わりました）。何も変更していません。新しいシートに作り直しますか？`,
  createAgain: "作り直す",
  checkForNewer: "新しいデータセットを確認",
  newerDataset: (version, records, reports, published, address) =>
    `新しいデータセットが公開されています：版 ${version}、報告書${reports}件の記録${records}件、${published}公開、${address}。このアドレスから更新すると、何が変わるかを確認できます。`,
  fromWebAddress: "ウェブアドレスから読み込んだデータです。",
  publishedUnknown: (reason) =>
    `新しいデータセットが公開されているか確認できませんでした：${reason}。`,
  latestPublished: "このアドレスで公開されている最新のデータセットです。",
  calculationMode: (mode) =>
    `Excel の計算方法が「${CALCULATION_MODE_JA[mode]}」になっています。AID のセルは Excel が再計算したとき（F9）にだけ新しい答えを表示します。変更のたびに追従させるには、［数式］>［計算方法の設定］>［自動］を選んでください。`,

  refreshHeading: "更新",
  refreshFrom: "更新元",
  sourceBundled: "同梱のデータセット",
  sourceFile: "ファイル",
  sourceUrl: "ウェブアドレス",
  datasetFile: "データセットのファイル",
  datasetFileHint: "JSON または CSV（aid dataset コマンドが出力する形式）。",
  webAddressField: "ウェブアドレス（https）",
  checkForChanges: "変更を確認",
  cancelCheck: "確認を中止",
  checkFailed: (reason) => `データを確認できませんでした：${reason}`,
  chooseFileFirst: "先にデータセットのファイル（JSON または CSV）を選んでください。",
  enterAddressFirst: "先に https:// で始まるウェブアドレスを入力してください。",
  checkingData: "データを読み込み、確認しています…",
  readingFile: "ファイルを読み込んでいます…",
  indexingRecords: "記録の索引を作っています…",
  checkingRecords: (percent) => `記録を確認しています：${percent}%…`,

  notADataset: "データセットではありません。何も変更していません",
  problemsRefused: (total) => `問題が${total}件あります。何も変更していません`,
  hideProblems: "問題を隠す",
  showProblems: (total) => `問題${total}件を表示`,
  unknownColumnAt: (line, column) => `${line}行目：「${column}」`,
  problemWhole: (field, message) => `${fieldJa(field)}：${message}`,
  problemAt: (where, line, record) =>
    line !== undefined
      ? `${line}${where === "line" ? "行目" : "行"}（記録${record}）`
      : `記録${record}`,
  problemLine: (where, id, field, message) =>
    `${where}${id ? `、id ${id}` : ""}、項目 ${fieldJa(field)}：${message}`,
  groupUnknownColumns: "データセットにない列",
  groupMissingColumns: "データセットに必要な列",
  groupWholeFile: "ファイル全体",
  groupField: (field) => `項目 ${field}`,
  editsNotTakenIn: "反映されなかった編集",
  editsKeepLastValid: "これらが直るまで、関数は最後に有効だったデータから答えます。",
  derivedTablesLag: (problems) =>
    `Facts、Rates、Summary は最後に反映したデータのままです。下の${problems}件の問題を直すと最新になります。`,

  changesRegion: "変更内容",
  changeCounts: (added, removed, changed, unchanged) =>
    `追加${added}件、削除${removed}件、変更${changed}件、変更なし${unchanged}件`,
  noChanges: "変更はありません。適用すると、同じデータでテーブルを書き直します。",
  addedTitle: "追加",
  removedTitle: "削除",
  changedTitle: "変更",
  lostValuesTitle: "削除される記録とともに消える、あなたが入力した値",
  ratesTitle: "為替レート",
  ratesThatChange: "変わる為替レート",
  fixedAddressCheckFailed: (reason) =>
    `ブックの数式に固定アドレスがあるか確認できませんでした：${reason}`,
  missNewRowsTitle: "新しい行を含まない数式",
  answersOnSheet: "このシートの答え",
  readingSheetFormulas: "このシートの AID 数式を読み込んでいます…",
  sheetFormulasFailed: (reason) => `このシートの数式を読み込めませんでした：${reason}`,
  noAidFormula: "このシートに AID 数式はありません。",
  noAnswerChanges: (formulas) => `このシートの AID 数式${formulas}件の答えは、どれも変わりません。`,
  answersThatChange: "変わる答え",
  applyChanges: "変更を適用",
  emptyValue: "（空）",

  writingTables: "テーブルの書き込み",
  writingProgress: (done, total) => `テーブルを書き込んでいます：要求${total}件中${done}件`,
  preparingTables: "テーブルを準備しています…",
  loadFailed: "読み込みに失敗しました",
  refreshFailed: "更新に失敗しました",
  dataLoaded: "データを読み込みました",
  changesApplied: "変更を適用しました",
  tablesWritten: (commitments, facts, rates) =>
    `${commitments}・${facts}・${rates} の各テーブルを書き込みました。関数はこれらのテーブルから答えます。`,
  pivotMade: (sheet, data, rows, columns) =>
    `${sheet} シートに、${data} を ${rows} と ${columns} で集計したピボットテーブルがあります。`,
  pivotNotMade: (sheet, reason) => `${sheet} のピボットテーブルはありません：${withKuten(reason)}`,
  chartMade: "その横に、地域別・年別の約束額（米ドル）のグラフがあります。",
  chartNotMade: (reason) => `グラフは作っていません：${withKuten(reason)}`,

  repairAidCells: "AID セルを修復",
  repairFailed: (reason) => `AID セルを修復できませんでした：${reason}`,
  shareHeading: "共有",
  briefingIntro:
    "Aid Ledger を入れていない人には、AID のセルが #NAME? と表示されます。作業中のシートの説明用コピーには値がそのまま入り、Sources シートにそれぞれの出典が載ります。",
  makeBriefingCopy: "説明用コピーを作る",
  copyingSheet: "シートをコピーしています…",
  briefingMade: "説明用コピーを作りました",
  briefingMadeText: (sheet, formulas, sources) =>
    `${sheet} に AID 数式${formulas}件の値が入っています。出典は ${sources} にあります。元のシートは変わっていません。`,
  noCopyMade: "コピーは作っていません",
  copyFailed: (reason) => `コピーを作れませんでした：${reason}`,
};
