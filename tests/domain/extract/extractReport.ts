/**
 * A report written for the tests, in the style of MOFA's plain-text reports (title lines, a
 * numbered section, bar headings, a bar group), with every figure form `aid extract` reads and
 * statistics it must leave alone. The sentences are the project's own.
 */
export const REPORT_FILE = "made-up-report-2018.txt";
export const REPORT = [
  "Japan's Support for Safer Seas and Borders",
  "March 2018",
  "Ministry of Foreign Affairs, Japan",
  "(4) Support for Security and the Rule of Law",
  "Criminal networks keep changing their methods, and no country can face them alone.",
  "<Japan's Efforts>",
  "| Counter-Terrorism",
  "In 2017, the region saw 312 attacks, about 40% more than in 2016, and the forum of 16 member states met for the first time in 18 years.",
  "At the regional summit in May 2017, Japan announced that it would provide approximately $1.8 billion (approximately ¥198 billion) for border security in Africa, including training for 12,000 people over three years from 2017 to 2019.",
  "In FY2017, Japan contributed US$4.2 million to UNODC for a programme against terrorist financing in Kenya.",
  "In FY2016 Japan provided approximately 950 million yen for the reform of prisons in Myanmar.",
  "| Capacity Building for Maritime and Cyberspace Issues",
  "| The Seas",
  "Pirates attacked 45 vessels in 2011, and 300 people were taken hostage, according to the bureau.",
  "In October 2017 Japan decided to provide up to ¥52 billion through ODA loans to the Philippines for coastal radar.",
  "Japan handed over twelve boats to Sri Lanka in June 2017 and completed the provision of six used vessels to Viet Nam by December 2017.",
  "In March 2017 Japan decided to provide 3 high-speed patrol boats to Djibouti through grant aid.",
  "Since 2009 Japan has contributed a total of USD 68million to the Regional Maritime Trust Fund.",
  "| Cyberspace",
  "In February 2018 Japan decided to extend grant aid of JPY 410 million to Indonesia, and invited twenty officials from eight ASEAN countries to a training course on incident response.",
].join("\n");
