import { didYouMean, english, messageOf, messages } from "../../../src/domain/messages/catalog";

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
