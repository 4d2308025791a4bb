import { TABLES } from "../../src/domain";
import { ticadAt600Million } from "../domain/helpers";
import { sidewaysAt, untranslatedText } from "./untranslated";
import { type OpenWorkbench, saveScreenshot, useWorkbenchPage, waitForSheets } from "./workbench";

/*
 * The pane as Japanese Office opens it (Office.context.displayLanguage "ja-JP", given to the
 * workbench in its address), at the 350 px of a task pane: the shell and the Data tab through a
 * load, a refresh's review and its outcome, in Japanese at every step, nothing scrolling
 * sideways, yen in 億円; then English and back through the pane's switch.
 */

const workbench = useWorkbenchPage("?displayLanguage=ja-JP");

/** Every visible text is Japanese (or an allowed name) and nothing scrolls sideways at 350 or 320 px. */
async function expectJapaneseThatFits({ pane }: OpenWorkbench): Promise<void> {
  expect(await untranslatedText(pane)).toEqual([]);
  expect(await sidewaysAt(pane)).toEqual([]);
}

test("the shell and the Data tab in Japanese at 350 px: load, a refresh's review, its outcome", async () => {
  const { page, pane } = workbench();
  expect(Math.round(await pane.evaluate((el) => el.getBoundingClientRect().width))).toBe(350);
  expect(await pane.locator("main").getAttribute("lang")).toBe("ja-JP");
  for (const tab of ["データ", "数式作成", "検索", "説明", "関数"])
    await pane.getByRole("tab", { name: tab }).waitFor();
  expect(await pane.getByRole("tab", { name: "データ" }).getAttribute("aria-selected")).toBe(
    "true"
  );

  // Before any load: the status line, and the reports' stated pairs with yen in 億円.
  await pane.getByText(/^同梱データ、報告書\d+件の記録\d+件/).waitFor();
  const yen = pane.locator("td span", { hasText: /億円$/ }).first();
  await yen.waitFor();
  expect(await yen.getAttribute("title")).toMatch(/^[\d,]+円$/);
  await expectJapaneseThatFits(workbench());

  await pane.getByRole("button", { name: "データを読み込む" }).click();
  await waitForSheets(page, [TABLES.commitments.sheet, TABLES.facts.sheet, TABLES.rates.sheet]);
  await pane.getByText("データを読み込みました").waitFor();
  await pane.getByText(/読み込み$/).waitFor(); // the status line: "…、2026年12月2日 2:30読み込み"
  await expectJapaneseThatFits(workbench());
  await saveScreenshot(page, "pane-ja-load");

  await pane
    .getByRole("radiogroup", { name: "更新元" })
    .getByRole("radio", { name: "ファイル" })
    .check();
  await pane.getByLabel("データセットのファイル").setInputFiles({
    name: "commitments-changed.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(ticadAt600Million(), null, 2), "utf8"),
  });
  await pane.getByRole("button", { name: "変更を確認" }).click();
  const review = pane.getByRole("region", { name: "変更内容" });
  await review.getByText("追加0件、削除0件、変更1件", { exact: false }).waitFor();
  await review.getByText(/^このシートに AID 数式はありません。$/).waitFor();
  await expectJapaneseThatFits(workbench());
  await saveScreenshot(page, "pane-ja-review");

  await review.getByRole("button", { name: "変更を適用" }).click();
  await pane.getByText("変更を適用しました").waitFor();
  await expectJapaneseThatFits(workbench());
  await saveScreenshot(page, "pane-ja-outcome");
});

test("the switch turns the whole pane to English at once, and back to Japanese", async () => {
  const { pane } = workbench();
  const language = pane.getByRole("radiogroup", { name: "表示言語" });
  await language.getByRole("radio", { name: "English" }).check();
  await pane.getByRole("tab", { name: "Data" }).waitFor();
  await pane.getByRole("button", { name: "Load data" }).waitFor();
  await pane.getByText(/^Bundled data, \d+ records from \d+ reports/).waitFor();
  expect(await pane.locator("main").getAttribute("lang")).toBe("en-US");
  expect(await pane.getByText("データを読み込む").count()).toBe(0);
  // The scan is not blind: the English pane is full of what it looks for.
  const english = (await untranslatedText(pane)).flatMap((found) => found.words);
  expect(english).toEqual(expect.arrayContaining(["Load", "data", "Refresh", "from"]));

  await pane
    .getByRole("radiogroup", { name: "Language" })
    .getByRole("radio", { name: "日本語" })
    .check();
  await pane.getByRole("button", { name: "データを読み込む" }).waitFor();
  await pane.getByRole("tab", { name: "データ" }).waitFor();
  await expectJapaneseThatFits(workbench());
});

test("the session's own sentences in Japanese: a re-read, a repair, a copy refused, an http address refused", async () => {
  const { page, pane } = workbench();
  await pane.getByRole("button", { name: "データを読み込む" }).click();
  await waitForSheets(page, [TABLES.commitments.sheet, TABLES.facts.sheet, TABLES.rates.sheet]);
  await pane.getByText("データを読み込みました").waitFor();

  await pane.getByRole("button", { name: "ブックを読み直す" }).click();
  await pane
    .getByText(
      /^ブックを読み込みました：変更はありませんでした（関数は報告書\d+件の記録\d+件から答えます）。$/
    )
    .waitFor();
  await expectJapaneseThatFits(workbench());

  await pane.getByRole("button", { name: "AID セルを修復" }).click();
  await pane
    .getByText("#NAME? を表示している AID のセルはありません。修復するものはありません。")
    .waitFor();
  await expectJapaneseThatFits(workbench());

  await pane.getByRole("button", { name: "説明用コピーを作る" }).click();
  await pane.getByText(/に AID 数式はありません。$/).waitFor();
  await expectJapaneseThatFits(workbench());

  await pane
    .getByRole("radiogroup", { name: "更新元" })
    .getByRole("radio", { name: "ウェブアドレス" })
    .check();
  await pane.getByLabel("ウェブアドレス（https）").fill("http://example.org/commitments.json");
  await pane.getByRole("button", { name: "変更を確認" }).click();
  await pane.getByText(/使えるのは https のアドレスだけです。/).waitFor();
  await expectJapaneseThatFits(workbench());
});
