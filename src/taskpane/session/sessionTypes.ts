import type {
  AidLedger,
  CalculationMode,
  ChartResult,
  DatasetDiff,
  DatasetIdentity,
  FixedAddressCheck,
  LedgerStore,
  LostUserValue,
  ManifestComparison,
  PivotResult,
  Problem,
  PublishedManifest,
  ReferenceData,
  ReplacedEdit,
  SheetFeaturesPort,
  TableWriter,
  WorkbookPort,
  WorkbookReader,
  WriteReport,
} from "../../domain";
import type { Fetched } from "./fetchDataset";

/* What the session's parts take and give: its dependencies, its state and its results. */

/** Where a refresh reads from. */
export type RefreshSource =
  | { readonly kind: "bundled" }
  | { readonly kind: "file"; readonly name: string; readonly text: string }
  | { readonly kind: "url"; readonly url: string };

/** A validated dataset, ready to be written once the user confirms the diff. */
export interface PreparedRefresh {
  readonly ledger: AidLedger;
  readonly identity: DatasetIdentity;
  readonly diff: DatasetDiff;
  /** What the diff was computed against: applying it over anything newer is refused. */
  readonly base: DataVersion;
  /** The user's formulas that name a growing table's rows by a fixed address (they will miss the new rows). */
  readonly fixedAddresses: FixedAddressCheck;
  /** The user's own values the write would delete with their records' rows (for the review). */
  readonly lostUserValues: readonly LostUserValue[];
  /** The user's edits of Commitments not taken in (they have problems) that the write would replace. */
  readonly replacedEdits: readonly ReplacedEdit[];
}

/** Which data the pane last knew the workbook to hold: bumped by every accepted change and every user edit. */
export interface DataVersion {
  readonly ledger: number;
  readonly edits: number;
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly pivot: PivotResult;
      /** The Summary sheet's chart of committed USD by region and year. */
      readonly chart: ChartResult;
      readonly report: WriteReport;
    }
  | {
      readonly ok: false;
      readonly message: string;
      /** What state the workbook was left in (see WorkbookWriteError). */
      readonly state: "unchanged" | "restored" | "partial";
    }
  /** Load data over a workbook whose tables differ: the pane shows the diff and asks first. */
  | { readonly ok: false; readonly review: PreparedRefresh; readonly state: "unchanged" }
  /** Tables the workbook held were deleted or renamed: the pane asks before creating them again. */
  | {
      readonly ok: false;
      readonly missing: readonly string[];
      readonly prepared: PreparedRefresh;
      readonly state: "unchanged";
    };

/** Something the user should know about the workbook's state, in one sentence or two. */
export interface SessionNotice {
  readonly intent: "info" | "warning" | "error";
  /**
   * What a lasting warning is about, so the session can tell and clear it in any language:
   * Facts, Rates or the Summary lag behind an edit, or the edit itself could not be read.
   */
  readonly kind?: "derived-failed" | "edit-unread";
  readonly message: string;
}

/** What the address the data came from publishes now (its manifest, read without the dataset). */
export type PublishedStatus =
  | {
      readonly comparison: ManifestComparison;
      readonly manifest: PublishedManifest;
      /** The dataset's address, as the manifest names it. */
      readonly address: string;
    }
  | { readonly comparison: "unknown"; readonly reason: string };

export interface SessionState {
  /** What the workbook holds, or null when nothing was loaded into it (the functions use the bundled data). */
  readonly identity: DatasetIdentity | null;
  /** Problems in the user's edits of the Commitments or Rates tables: ignored until fixed. */
  readonly editProblems: readonly Problem[];
  readonly busy: boolean;
  readonly notice: SessionNotice | null;
  /** For data loaded from a web address: whether a newer edition is published there. */
  readonly published: PublishedStatus | null;
  /** What the session is doing in the background, in one sentence (reading the tables, bringing Facts up to date); null when idle. */
  readonly activity: string | null;
  /** Excel's calculation mode, once read (null before): in Manual, AID cells update only on calculation. */
  readonly calculationMode: CalculationMode | null;
}

/**
 * What the session's data core (LedgerSession's own work) asks of the workbook: reading and
 * watching the tables, writing them, and the Summary it rebuilds after every accepted change. The
 * active cell and new sheets (SheetFeatures: SelectionPort & SheetFeaturesPort) and the
 * calculation mode (CalculationEnvironment: CalculationPort) are asked for by their own parts.
 */
export type LedgerPorts = WorkbookReader &
  TableWriter &
  Pick<SheetFeaturesPort, "ensurePivotTable" | "ensureChart">;

export interface SessionDeps {
  /**
   * The whole adapter, given once where the session is made (the composition root): the session
   * hands each part only its own ports (LedgerPorts above, SheetFeaturesDeps, CalculationEnvironment).
   */
  readonly port: WorkbookPort;
  readonly store: LedgerStore;
  readonly reference: ReferenceData;
  readonly bundledRows: () => readonly unknown[];
  /** The add-in's version: the version of the bundled dataset. */
  readonly version: string;
  readonly fetchText: (url: string) => Promise<Fetched>;
  readonly now?: () => Date;
  /** The functions' namespace in this build ("" for none): formulas the pane inserts carry it. */
  readonly namespace?: string;
  /** How long edits settle before they are read (ms); tests pass 0. */
  readonly settleMs?: number;
  /** Tries of the start-up read (default 3), the first retry after `retryMs` (default 1000; tests pass 0). */
  readonly startAttempts?: number;
  readonly retryMs?: number;
  /**
   * Starts the add-in's runtime when this document opens (Office.addin.setStartupBehavior), so a
   * workbook that holds the tables is watched and read before the pane is opened.
   */
  readonly setLoadOnOpen?: (on: boolean) => Promise<void>;
}
