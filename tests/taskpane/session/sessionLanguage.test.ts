import { expect } from "@jest/globals";
import { messages, setLanguage } from "../../../src/domain";
import { fetchDatasetText } from "../../../src/taskpane/session/fetchDataset";
import { modelSession, raiseTicad, settle } from "./modelSession";

/*
 * The session speaks the pane's language: its notices, activities and re-read answers come from
 * the catalog, and a lasting warning is told apart by its kind, never by its words, so it clears
 * in Japanese as it does in English.
 */

afterEach(() => setLanguage("en"));

const japaneseOnly = /^[^A-Za-z]*(?:(?:Aid Ledger|AID|Facts|Rates|Summary|#N\/A)[^A-Za-z]*)*$/;

async function editWhileFactsFail(language: "en" | "ja") {
  setLanguage(language);
  const { model, session } = modelSession();
  await session.start();
  await session.load();
  model.failAt((r) => r.statement.includes("Facts"));
  // A valid edit of the TICAD VI record's amount: its stated yen equivalent goes with it.
  raiseTicad(model);
  await settle(model, session);
  model.clearFault();
  return { model, session };
}

test("a failed rewrite of Facts is told in Japanese, and a re-read clears it by its kind", async () => {
  const { model, session } = await editWhileFactsFail("ja");
  const notice = session.snapshot.notice;
  expect(notice?.kind).toBe("derived-failed");
  expect(notice?.message).toMatch(/^編集に合わせて Facts、Rates、Summary を更新できませんでした：/);
  expect(notice?.message).toContain("［ブックを読み直す］");
  const said = await session.reread();
  await settle(model, session);
  expect(said).toMatch(/^ブックを読み込みました：/);
  expect(session.snapshot.notice).toBeNull();
});

test("the same failure in English says the English sentence, with the same kind", async () => {
  const { session } = await editWhileFactsFail("en");
  expect(session.snapshot.notice).toMatchObject({
    kind: "derived-failed",
    message: expect.stringMatching(/^Facts, Rates and the Summary could not be brought up to date/),
  });
});

test("the activity while Facts follow an edit, and the cells' reading text, follow the language", () => {
  setLanguage("ja");
  expect(messages().derivedActivity).toMatch(japaneseOnly);
  expect(messages().readingWorkbook).toMatch(japaneseOnly);
  setLanguage("en");
  expect(messages().derivedActivity).toBe(
    "Bringing Facts, Rates and the Summary up to date with your edit…"
  );
});

test("a refused web address is said in the language chosen", async () => {
  const never = () => Promise.reject(new Error("no request expected"));
  setLanguage("ja");
  const ja = await fetchDatasetText("http://example.org/data.json", never);
  expect(ja).toEqual({
    ok: false,
    reason: "使えるのは https のアドレスだけです。「http://example.org/data.json」は http です",
  });
  setLanguage("en");
  const en = await fetchDatasetText("http://example.org/data.json", never);
  expect(en).toEqual({
    ok: false,
    reason: 'only https addresses are allowed; "http://example.org/data.json" uses http',
  });
});

test("a notice already shown follows a switch of language: it is worded when read, not when made", async () => {
  const { session } = await editWhileFactsFail("en");
  const notice = session.snapshot.notice;
  expect(notice?.message).toMatch(/^Facts, Rates and the Summary could not be brought up to date/);
  setLanguage("ja");
  expect(notice?.message).toMatch(/^編集に合わせて Facts、Rates、Summary を更新できませんでした：/);
  setLanguage("en");
  expect(notice?.message).toMatch(/^Facts, Rates and the Summary could not be brought up to date/);
});
