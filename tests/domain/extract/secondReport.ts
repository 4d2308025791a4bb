/**
 * A second report for the tests, written after the extract rules and not used to write them: its
 * recall is the measure of rules on text they were not tuned on. Every event and figure in it is
 * invented (the places are real so that recipients can be read); the sentences are the project's own.
 * `SECOND_REPORT_FIGURES` lists each aid figure it states, with words of its sentence to find it by
 * and, where the sentence names one, the recipient.
 */
export const SECOND_REPORT_FILE = "fictional-coastal-report-2019.txt";

export const SECOND_REPORT = [
  "A Fictional Report on Coastal and Border Cooperation",
  "Test fixture for Aid Ledger: every event and figure below is invented",
  "1. Partners at Sea",
  "| Coast Guards",
  "In April 2018 Japan decided to provide four 30-metre boats to the Philippines through grant aid worth ¥2.4 billion.",
  "Having completed its grant to Sri Lanka in 2017, Japan delivered five X-band radars for Malaysia's coast guard in March 2018.",
  "The coast guard of Viet Nam received eight speed-boats and a repair workshop from Japan in July 2018.",
  "In FY2018 Japan contributed US$6.5 million to the IMO for courses on ship inspection, which trained 450 officers from coastal states.",
  "| Border Control",
  "At a meeting in Dakar in November 2018, Japan pledged approximately $30 million (approximately ¥3.3 billion) for border management in West Africa.",
  "The pledge provides eleven mobile scanners for the ports of Senegal and training for some 1,200 customs officers.",
  "Separately, Japan granted 480 million yen to the UNDP for a border post in Mali in FY2018.",
  "| Cyberspace and Crime",
  "In 2018, Japan trained 35 prosecutors from Southeast Asian countries in Tokyo on digital evidence.",
  "After a request from Thailand, Japan handed over 60 forensic computers to the police of Cambodia in October 2018.",
  "In December 2018 Japan announced that it would provide USD 12 million to INTERPOL and two 12-metre patrol boats to Kenya's navy.",
  "Japan's grant of JPY 950 million to Papua New Guinea in FY2018 will supply three all-weather radars and a training centre for 80 staff.",
  "By contrast, the region recorded 27 incidents at sea in 2018, down from 41 in 2016.",
].join("\n");

export interface ExpectedFigure {
  /** Words of the figure's sentence, unique in the report. */
  readonly near: string;
  readonly amount?: string;
  readonly currency?: "USD" | "JPY";
  readonly people?: number;
  readonly quantity?: number;
  /** The recipient the sentence names for this figure, where it names one. */
  readonly recipient?: string;
}

export const SECOND_REPORT_FIGURES: readonly ExpectedFigure[] = [
  { near: "four 30-metre boats", quantity: 4, recipient: "Philippines" },
  { near: "four 30-metre boats", amount: "2400000000", currency: "JPY" },
  { near: "five X-band radars", quantity: 5, recipient: "Malaysia" },
  { near: "eight speed-boats", quantity: 8, recipient: "Viet Nam" },
  { near: "US$6.5 million", amount: "6500000", currency: "USD" },
  { near: "450 officers", people: 450 },
  { near: "approximately $30 million", amount: "30000000", currency: "USD" },
  { near: "eleven mobile scanners", quantity: 11, recipient: "Senegal" },
  { near: "1,200 customs officers", people: 1200 },
  { near: "480 million yen", amount: "480000000", currency: "JPY" },
  { near: "35 prosecutors", people: 35 },
  { near: "60 forensic computers", quantity: 60, recipient: "Cambodia" },
  { near: "USD 12 million", amount: "12000000", currency: "USD", recipient: "INTERPOL" },
  { near: "two 12-metre patrol boats", quantity: 2, recipient: "Kenya" },
  { near: "JPY 950 million", amount: "950000000", currency: "JPY" },
  { near: "three all-weather radars", quantity: 3, recipient: "Papua New Guinea" },
  { near: "80 staff", people: 80 },
];
