import { inflateSync } from 'node:zlib';

/** WinAnsi code points that differ from Latin-1 (those the exports print). */
const WIN_ANSI: Record<number, string> = { 0x96: '–', 0x97: '—', 0x80: '€', 0x92: '’', 0x85: '…' };

/**
 * The text lines of a PDF written by pdfkit with its standard fonts: each content stream inflated,
 * each `[<hex> kerning <hex>] TJ` decoded (WinAnsi). Enough to assert what a person reads on the page.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const text = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)]
        .map(([, hex]) =>
          [...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''),
        )
        .join('');
      lines.push(text);
    }
  }
  return lines;
}

/** The number of pages of a PDF (its /Type /Page objects; /Pages, the tree node, is not one). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}
