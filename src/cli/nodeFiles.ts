/** Node's file system as the publish port (src/domain/publish/atomicPublish.ts). */
import { constants, copyFileSync, lstatSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { PublishFs } from "../domain/publish/atomicPublish";

export const nodePublishFs: PublishFs = {
  kindOf: (path) => {
    try {
      const s = lstatSync(path);
      if (s.isSymbolicLink()) return "link";
      if (s.isFile()) return "file";
      return s.isDirectory() ? "directory" : "other";
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return "absent";
      throw e;
    }
  },
  // "wx": O_CREAT|O_EXCL, which fails on anything already there, a dangling link included.
  createFile: (path, data) => writeFileSync(path, data, { flag: "wx" }),
  copyFile: (from, to) => copyFileSync(from, to, constants.COPYFILE_EXCL),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
};
