// The containers of Word and Excel files: a zip of XML parts. Read with fflate (zip) and saxes (a
// real, namespace-aware XML parser), with limits so a hostile file cannot blow up in memory.
import { strFromU8 } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { PlanFormatError } from '../planFormatError.ts';
import { UnzipBudget, zipEntries } from './zipEntries.ts';

/** The names of the parts in a zip (nothing is unzipped). */
export function zipNames(bytes: Uint8Array): string[] {
  return zipEntries(bytes).map((entry) => entry.name);
}

/** The named parts of a zip as text, unzipped within the caps of limits.ts; a missing part is absent from the result. */
export function zipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, string> {
  const entries = zipEntries(bytes).filter((entry) => wanted(entry.name));
  const budget = new UnzipBudget();
  budget.checkDeclared(entries);
  return new Map(entries.map((entry) => [entry.name, strFromU8(budget.inflate(bytes, entry))]));
}

/** One element as the walkers see it: namespace, local name, attributes by local name. */
export interface XmlTag {
  uri: string;
  local: string;
  attr: (local: string) => string | undefined;
}

/** What a walker does at each element start, end and text. */
export interface XmlHandlers {
  open: (tag: XmlTag) => void;
  close: (tag: XmlTag) => void;
  text: (text: string) => void;
}

/** A tag read lazily: attributes are looked up only when asked (most tags never are). */
class SaxTag implements XmlTag {
  constructor(private readonly node: SaxesTagNS) {}

  get uri(): string {
    return this.node.uri;
  }

  get local(): string {
    return this.node.local;
  }

  attr(local: string): string | undefined {
    for (const name in this.node.attributes) {
      const attribute = this.node.attributes[name];
      if (attribute?.local === local) return attribute.value;
    }
    return undefined;
  }
}

/** Streams `xml` through `handlers`. @throws PlanFormatError when the XML is not well formed. */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (node) => handlers.open(new SaxTag(node)));
  parser.on('closetag', (node) => handlers.close(new SaxTag(node)));
  parser.on('text', handlers.text);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof PlanFormatError) throw error;
    throw new PlanFormatError(`damaged office file: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
