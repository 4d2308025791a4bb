/**
 * What the `aid` command prints comes partly from data files, and a terminal obeys escape
 * sequences: ESC [ 2 J clears the screen, OSC 8 makes links, OSC 52 writes the clipboard, and bidi
 * controls reorder what is shown. So every control character except tab and line feed (and a
 * carriage return before a line feed), the C1 controls and the bidi controls print as visible
 * escapes (\x1B, \u{202E}): the text is shown, never obeyed.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must catch
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u{${code.toString(16).toUpperCase()}}`;
  });
}
