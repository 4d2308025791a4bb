/* global module, URL */
/**
 * The manifest as the build writes it: manifest.xml lists the dev server's URLs and no
 * <Namespace>; a deployment points it at its own host (AID_URL) and may add a namespace
 * (AID_NAMESPACE). Text edits on purpose: the output keeps the source's layout and comments.
 */

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/** `url` as the base every add-in URL starts with: https, ending in "/", no query or fragment. */
function baseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `AID_URL must be an absolute https URL such as https://example.org/aid-ledger/; got "${url}"`
    );
  }
  if (parsed.protocol !== "https:")
    throw new Error(`AID_URL must use https (Office loads add-ins only over https); got "${url}"`);
  if (parsed.search || parsed.hash)
    throw new Error(`AID_URL must have no query or fragment; got "${url}"`);
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

/** Inserts <Namespace resid="Functions.Namespace"/> into the CustomFunctions extension point, and its string. */
function addNamespace(xml, namespace) {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(namespace)) {
    throw new Error(
      `AID_NAMESPACE must be letters and digits, starting with a letter (Excel puts it before a dot: AID.AIDTOTAL); got "${namespace}"`
    );
  }
  if (/<Namespace\s/.test(xml))
    throw new Error(
      "manifest.xml already declares a <Namespace>; AID_NAMESPACE would add a second one"
    );
  const metadata = /^([ \t]*)<\/Metadata>\r?\n/m.exec(xml);
  const strings = /^([ \t]*)<bt:ShortStrings>\r?\n/m.exec(xml);
  if (!metadata || !strings)
    throw new Error(
      "manifest.xml has no </Metadata> or <bt:ShortStrings> line to add the namespace after"
    );
  const afterMetadata = metadata.index + metadata[0].length;
  const withElement = `${xml.slice(0, afterMetadata)}${metadata[1]}<Namespace resid="Functions.Namespace"/>\n${xml.slice(afterMetadata)}`;
  const shortStrings = /^([ \t]*)<bt:ShortStrings>\r?\n/m.exec(withElement);
  const afterStrings = shortStrings.index + shortStrings[0].length;
  return `${withElement.slice(0, afterStrings)}${shortStrings[1]}  <bt:String id="Functions.Namespace" DefaultValue="${namespace}"/>\n${withElement.slice(afterStrings)}`;
}

/**
 * manifest.xml for a build. `url` (AID_URL) replaces the dev server's https://localhost:3000/ in
 * every URL, and its origin replaces the dev origin (AppDomain); `namespace` (AID_NAMESPACE) adds a
 * function namespace. With neither, the manifest is unchanged.
 */
function buildManifest(xml, { url, namespace } = {}) {
  let out = xml;
  if (url) {
    const base = baseUrl(url);
    out = out.split(DEV_URL).join(base).split(DEV_ORIGIN).join(new URL(base).origin);
  }
  if (namespace) out = addNamespace(out, namespace);
  return out;
}

module.exports = { buildManifest, DEV_URL };
