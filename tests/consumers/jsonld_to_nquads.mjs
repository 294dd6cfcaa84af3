// An independent JSON-LD consumer: jsonld.js 9 converts `kb export --format jsonld`
// output to N-Quads on stdout. Usage: node jsonld_to_nquads.mjs FILE.jsonld
//
// Nothing is fetched from the network: the document loader serves only our own
// context, from the local file, and throws for any other IRI. On stderr it reports,
// as one JSON line, which IRIs the loader was asked for (our exports embed the
// context, so normally none).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import jsonld from "jsonld";

const CONTEXT_IRI = "https://w3id.org/newskb/context/v1.jsonld";
const CONTEXT_FILE = fileURLToPath(
  new URL("../../ontology/kb-context-v1.jsonld", import.meta.url),
);

const requested = [];

async function documentLoader(url) {
  requested.push(url);
  if (url !== CONTEXT_IRI) {
    throw new Error(`refusing to load ${url}: only ${CONTEXT_IRI} is served`);
  }
  const document = JSON.parse(await readFile(CONTEXT_FILE, "utf8"));
  return { contextUrl: null, document, documentUrl: url };
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node jsonld_to_nquads.mjs FILE.jsonld");
  process.exit(2);
}
const doc = JSON.parse(await readFile(file, "utf8"));
const nquads = await jsonld.toRDF(doc, {
  format: "application/n-quads",
  documentLoader,
  safe: true,
});
process.stdout.write(nquads);
console.error(JSON.stringify({ documentLoaderCalls: requested }));
