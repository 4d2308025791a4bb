import type { CalculationMode, CalculationPort } from "../../domain";
import type { SessionState } from "./sessionTypes";

/** The calculation environment: Excel's calculation mode, kept in the session's state. */
export class CalculationEnvironment {
  constructor(
    private readonly deps: { readonly port: CalculationPort },
    private readonly session: {
      read(): SessionState;
      set(patch: Partial<SessionState>): void;
    }
  ) {}

  /**
   * Reads Excel's calculation mode (at start, and whenever the pane gets focus: no event reports a
   * change of it). A failed read leaves the last known mode.
   */
  async checkCalculationMode(): Promise<CalculationMode | null> {
    try {
      const mode = await this.deps.port.readCalculationMode();
      if (mode !== this.session.read().calculationMode) this.session.set({ calculationMode: mode });
      return mode;
    } catch {
      return this.session.read().calculationMode;
    }
  }
}
