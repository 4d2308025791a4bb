import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { messageOf, messages } from "../domain";

export interface RepairAidCellsProps {
  /** Re-enters the AID formulas that show #NAME? and says how many (SheetFeatures.repairAidCells). */
  readonly repair: () => Promise<string>;
  readonly onStart?: () => void;
  /** False when another action spoke since: this outcome is cleared. */
  readonly shown?: boolean;
  readonly busy?: boolean;
}

/**
 * "Repair AID cells": a workbook saved by someone without the add-in keeps #NAME? in its AID cells
 * even once the add-in is loaded, until each formula is entered again (office-js #6355, #6611).
 */
export function RepairAidCells({
  repair,
  onStart,
  shown = true,
  busy = false,
}: RepairAidCellsProps) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    if (!shown) setOutcome(null);
  }, [shown]);
  const run = async () => {
    if (running || busy) return;
    onStart?.();
    setOutcome(null);
    setRunning(true);
    try {
      setOutcome({ ok: true, message: await repair() });
    } catch (e) {
      setOutcome({
        ok: false,
        get message() {
          return messages().repairFailed(messageOf(e));
        },
      });
    } finally {
      setRunning(false);
    }
  };
  return (
    <div>
      <Button disabledFocusable={running || busy} onClick={() => void run()}>
        {messages().repairAidCells}
      </Button>
      {outcome && (
        <MessageBar intent={outcome.ok ? "info" : "error"} layout="multiline" role="status">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
