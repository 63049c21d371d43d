const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function romanNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) throw new RangeError(`no Roman numeral for ${value}`);
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** A section as the model describes it before numbering: its title and its parts, some of them titled sub-sections. */
export interface SectionDraft<B> {
  title: string;
  blocks: (B | { subsection: string; blocks: B[] })[];
}

export interface NumberedSubsection<B> {
  heading: string;
  blocks: B[];
}

export interface NumberedSection<B> {
  /** "I. TÌNH HÌNH CHUNG" */
  heading: string;
  blocks: (B | NumberedSubsection<B>)[];
}

export function isSubsection<B>(block: B | NumberedSubsection<B>): block is NumberedSubsection<B> {
  return typeof block === 'object' && block !== null && 'heading' in block && 'blocks' in block;
}

/**
 * Numbers a report's sections as administrative documents do: sections I., II., III. (title upper-cased),
 * their sub-sections 1., 2., 3. restarting in each section. Sections without content are still numbered.
 */
export function numberSections<B>(drafts: readonly SectionDraft<B>[]): NumberedSection<B>[] {
  return drafts.map((draft, index) => {
    let sub = 0;
    return {
      heading: `${romanNumeral(index + 1)}. ${draft.title.toLocaleUpperCase('vi')}`,
      blocks: draft.blocks.map((block) => {
        if (typeof block === 'object' && block !== null && 'subsection' in block) {
          sub += 1;
          return { heading: `${sub}. ${block.subsection}`, blocks: block.blocks };
        }
        return block;
      }),
    };
  });
}
