/**
 * Publishing a set of files into a folder all or nothing: every file is first written beside its
 * target under a fresh temporary name, then renamed into place in the order given (the manifest
 * last, so it never describes a file that is not yet there). A rename replaces a directory entry
 * atomically and never follows a symbolic link at its target (POSIX rename(2)), so a reader of the
 * folder sees the old file or the new one, never half of one.
 *
 * On any failure nothing stays replaced: temporary files are removed, and if a rename after the
 * first fails, the files already renamed are put back from the copies taken before.
 *
 * Symbolic links: a target that is a symbolic link (or anything but a regular file) is refused
 * before anything is written, so a link at `--out/commitments.json` can never send the data to a
 * file outside the folder, and the publisher learns the folder is not what they thought.
 */
import { messageOf } from "../messages/catalog";

/** The file operations publishing needs; the CLI gives Node's, tests inject failures. */
export interface PublishFs {
  /** What is at `path`, without following a link there. */
  readonly kindOf: (path: string) => "absent" | "file" | "link" | "directory" | "other";
  /** Creates a new file (failing if anything is at `path`, a link included) with these contents. */
  readonly createFile: (path: string, data: string | Uint8Array) => void;
  /** Copies a regular file to a new path (failing if anything is there). */
  readonly copyFile: (from: string, to: string) => void;
  /** Renames, replacing what is at `to`. */
  readonly rename: (from: string, to: string) => void;
  /** Removes a file; no error when it is absent. */
  readonly remove: (path: string) => void;
}

export interface PublishedFile {
  /** A file name inside the folder (no path separators). */
  readonly name: string;
  readonly data: string | Uint8Array;
}

export type PublishOutcome =
  | { readonly ok: true; readonly written: readonly string[] }
  | {
      readonly ok: false;
      readonly message: string;
      /** "unchanged": every target is as it was. "not restored": restoring failed; `message` says what is where. */
      readonly state: "unchanged" | "not restored";
    };

/**
 * Writes `files` into `dir` in order, all or nothing (see the module comment). `nonce` makes the
 * temporary names unique to this run (the CLI gives the process id and time).
 */
export function publishFiles(
  dir: string,
  files: readonly PublishedFile[],
  fs: PublishFs,
  nonce: string
): PublishOutcome {
  const at = (name: string) => `${dir}/${name}`;
  for (const f of files) {
    const kind = fs.kindOf(at(f.name));
    if (kind === "link")
      return refused(
        `${at(f.name)} is a symbolic link; publish never writes through a link (it could point outside the folder). Remove the link, or publish to another folder`
      );
    if (kind !== "absent" && kind !== "file")
      return refused(`${at(f.name)} is a ${kind}, not a file; nothing was written`);
  }

  const temps: string[] = [];
  const backups = new Map<string, string>();
  const cleanUp = () => {
    for (const p of [...temps, ...backups.values()]) tryRemove(fs, p);
  };
  try {
    for (const f of files) {
      const temp = at(`.${f.name}.${nonce}.tmp`);
      temps.push(temp);
      fs.createFile(temp, f.data);
    }
    // Copies of what will be replaced, so a failed rename can put it back.
    for (const f of files) {
      if (fs.kindOf(at(f.name)) !== "file") continue;
      const backup = at(`.${f.name}.${nonce}.old`);
      backups.set(f.name, backup);
      fs.copyFile(at(f.name), backup);
    }
  } catch (e) {
    cleanUp();
    return refused(`cannot write beside ${dir}: ${messageOf(e)}; nothing was replaced`);
  }

  const renamed: string[] = [];
  for (const [i, f] of files.entries()) {
    try {
      fs.rename(temps[i]!, at(f.name));
      renamed.push(f.name);
    } catch (e) {
      const failure = `cannot move ${f.name} into place: ${messageOf(e)}`;
      const notRestored = putBack(renamed, backups, at, fs);
      if (notRestored.length === 0) {
        cleanUp();
        return refused(`${failure}; nothing was replaced`);
      }
      for (const t of temps) tryRemove(fs, t);
      return {
        ok: false,
        state: "not restored",
        message: `${failure}; putting back the earlier files failed for ${notRestored.join(", ")} (the earlier contents are kept beside them as ${notRestored.map((n) => backups.get(n) ?? "(none)").join(", ")})`,
      };
    }
  }
  for (const b of backups.values()) tryRemove(fs, b);
  return { ok: true, written: files.map((f) => at(f.name)) };
}

/** Undoes the renames done so far; returns the names that could not be put back. */
function putBack(
  renamed: readonly string[],
  backups: ReadonlyMap<string, string>,
  at: (name: string) => string,
  fs: PublishFs
): string[] {
  const failed: string[] = [];
  for (const name of [...renamed].reverse()) {
    try {
      const backup = backups.get(name);
      if (backup === undefined) fs.remove(at(name));
      else {
        fs.rename(backup, at(name));
        (backups as Map<string, string>).delete(name);
      }
    } catch {
      failed.push(name);
    }
  }
  return failed;
}

function refused(message: string): PublishOutcome {
  return { ok: false, state: "unchanged", message };
}

function tryRemove(fs: PublishFs, path: string): void {
  try {
    fs.remove(path);
  } catch {
    // A temporary file left behind is named as such; the targets are what matter.
  }
}
