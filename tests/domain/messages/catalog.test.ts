import {
  didYouMean,
  english,
  japanese,
  languageOf,
  messageOf,
  messages,
  onLanguageChange,
  setLanguage,
} from "../../../src/domain/messages/catalog";

describe("messageOf", () => {
  it("gives an Error's message, its name when the message is empty, and text as it is", () => {
    expect(messageOf(new Error("boom"))).toBe("boom");
    expect(messageOf(new TypeError(""))).toBe("TypeError");
    expect(messageOf("plain")).toBe("plain");
    expect(messageOf(42)).toBe("42");
  });

  it("follows cause, skipping a cause the message already says", () => {
    const inner = new Error("self-signed certificate");
    expect(messageOf(new TypeError("fetch failed", { cause: inner }))).toBe(
      "fetch failed (self-signed certificate)"
    );
    expect(messageOf(new Error("failed: self-signed certificate", { cause: inner }))).toBe(
      "failed: self-signed certificate"
    );
  });
});

describe("didYouMean", () => {
  it("quotes the near names, and says nothing when none is near", () => {
    expect(didYouMean(["Africa", "Asia"])).toBe(' Did you mean "Africa", "Asia"?');
    expect(didYouMean([])).toBe("");
  });

  it("is English until another language is chosen", () => {
    expect(messages()).toBe(english);
  });
});

describe("the language", () => {
  afterEach(() => setLanguage("en"));

  it("is Japanese for every ja-* display language and English for anything else", () => {
    expect(["ja-JP", "ja", "JA-jp"].map(languageOf)).toEqual(["ja", "ja", "ja"]);
    expect(["en-US", "fr-FR", "jav-ID", "", undefined].map(languageOf)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "en",
    ]);
  });

  it("has the same keys in English and Japanese, each filled", () => {
    expect(Object.keys(japanese).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(japanese)) {
      expect([key, typeof value]).toEqual([key, typeof english[key as keyof typeof english]]);
    }
  });

  it("tells listeners of a change once, and switches what messages() gives", () => {
    const heard: string[] = [];
    const stop = onLanguageChange((language) => heard.push(language));
    setLanguage("ja");
    setLanguage("ja");
    expect(messages()).toBe(japanese);
    expect(didYouMean(["アフリカ"])).toContain("アフリカ");
    setLanguage("en");
    stop();
    setLanguage("ja");
    expect(heard).toEqual(["ja", "en"]);
  });
});

describe("text from elsewhere as a sentence", () => {
  it("ends an Excel error's message once, with the language's full stop", () => {
    expect(english.asSentence("The cell is being edited")).toBe("The cell is being edited.");
    expect(english.asSentence("The cell is being edited.")).toBe("The cell is being edited.");
    expect(japanese.asSentence("セルを編集中です")).toBe("セルを編集中です。");
    expect(japanese.asSentence("セルを編集中です。")).toBe("セルを編集中です。");
    expect(japanese.asSentence("The cell is being edited.")).toBe("The cell is being edited.");
  });
});
