import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfmakeModule from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportBlock, ReportModel, TableBlock } from '../model/report-model';
import { isSubsection } from '../model/section-numbering';

type PdfMake = typeof pdfmakeModule;

/**
 * pdfmake's server entry exports an instance whose methods live on its prototype: a namespace import
 * copied by esModuleInterop loses them, a plain require keeps them. Take whichever form we were given.
 */
const pdfmake: PdfMake = (pdfmakeModule as unknown as { default?: PdfMake }).default ?? pdfmakeModule;

/** The Roboto faces shipped with pdfmake (they carry Vietnamese glyphs), found wherever node_modules is. */
function robotoDirectory(): string {
  const resolve = createRequire(__filename).resolve;
  return join(dirname(resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
}

let configured = false;
function configure(): void {
  if (configured) return;
  const dir = robotoDirectory();
  pdfmake.setFonts({
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // A report reads its own fonts and nothing else: no URL, no other file.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(dir));
  configured = true;
}

/** A short centred rule under the agency's name and under the motto, as administrative documents draw it. */
function rule(width: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.7 }], alignment: 'center', margin: [0, 1, 0, 3] };
}

function tableContent(block: TableBlock): Content {
  if (block.rows.length === 0) return { text: block.empty, italics: true, margin: [0, 2, 0, 6] };
  const dense = block.columns.length > 7;
  const header: TableCell[] = block.columns.map((column) => ({ text: column.header, bold: true, fillColor: '#eeeeee', alignment: 'center' }));
  const body: TableCell[][] = [header, ...block.rows.map((row) => row.map((cell): TableCell => (/^\d+$/.test(cell) ? { text: cell, alignment: 'center' } : { text: cell })))];
  const table: Content = {
    table: { headerRows: 1, widths: block.columns.map((column) => column.width), body, dontBreakRows: true },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#555555', vLineColor: () => '#555555', paddingLeft: () => 3, paddingRight: () => 3 },
    fontSize: dense ? 7.5 : 9,
    margin: [0, 2, 0, block.note ? 2 : 8],
  };
  return block.note ? [table, { text: block.note, italics: true, fontSize: 8.5, margin: [0, 0, 0, 8] }] : table;
}

function blockContent(block: ReportBlock): Content {
  return block.kind === 'paragraph' ? { text: block.text, alignment: 'justify', margin: [0, 2, 0, 6], leadingIndent: 20 } : tableContent(block);
}

/** The document definition of a report model: an A4 administrative report (header in two columns, numbered sections). */
export function pdfDefinition(model: ReportModel, generatedAt: Date): TDocumentDefinitions {
  const sections: Content[] = model.sections.map((section) => ({
    stack: [
      { text: section.heading, bold: true, fontSize: 11.5, margin: [0, 8, 0, 4] },
      ...section.blocks.map((block): Content =>
        isSubsection(block) ? { stack: [{ text: block.heading, bold: true, margin: [0, 4, 0, 3] }, ...block.blocks.map(blockContent)] } : blockContent(block),
      ),
    ],
  }));
  return {
    pageSize: 'A4',
    pageMargins: [56, 40, 40, 48],
    info: { title: `${model.title} ${model.header.number}`, author: model.header.agency, creator: 'NetDuty', producer: 'NetDuty', creationDate: generatedAt, modDate: generatedAt },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    footer: (current: number, count: number): Content => ({ text: `${current}/${count}`, alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] }),
    content: [
      {
        columns: [
          {
            width: '42%',
            stack: [
              { text: model.header.parent, fontSize: 11 },
              { text: model.header.agency, bold: true, fontSize: 11 },
              rule(70),
              { text: model.header.number, fontSize: 11, margin: [0, 2, 0, 0] },
            ],
            alignment: 'center',
          },
          {
            width: '*',
            stack: [
              { text: model.header.motto, bold: true, fontSize: 11 },
              { text: model.header.mottoSub, bold: true, fontSize: 12 },
              rule(150),
              { text: model.header.dateLine, italics: true, fontSize: 11, margin: [0, 4, 0, 0] },
            ],
            alignment: 'center',
          },
        ],
        columnGap: 10,
      },
      { text: model.title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 22, 0, 3] },
      ...model.subtitle.map((line, index): Content => ({ text: line, alignment: 'center', bold: index === 0 && model.subtitle.length > 1, italics: index > 0 || model.subtitle.length === 1, margin: [0, 0, 0, 2] })),
      { text: '', margin: [0, 0, 0, 8] },
      ...sections,
      {
        columns: [
          {
            width: '45%',
            stack: [{ text: model.signature.recipientsTitle, bold: true, italics: true, fontSize: 10 }, ...model.signature.recipients.map((line): Content => ({ text: line, fontSize: 9 }))],
          },
          {
            width: '*',
            stack: [
              { text: model.signature.role, bold: true },
              { text: model.signature.status, italics: true, fontSize: 9.5, margin: [0, 2, 0, 26] },
              { text: model.signature.name ?? '', bold: true },
            ],
            alignment: 'center',
          },
        ],
        margin: [0, 18, 0, 0],
        unbreakable: true,
      },
    ],
  };
}

/** Renders a report model to PDF bytes (server side, pdfmake with the Roboto TTF files). */
export async function renderPdf(model: ReportModel, generatedAt: Date): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(pdfDefinition(model, generatedAt)).getBuffer();
}
