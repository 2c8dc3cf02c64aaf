// The report's data sections and the measure-id prefixes they hold (see docs/measure-ids.md). Titles and
// intros are prose without figures; every figure comes from the data.

export interface SectionDef {
  id: string;
  title: string;
  intro: string;
  /** Sub-groups (an h3 each) by measure-id prefix, in order. */
  groups: { id: string; title: string; prefixes: string[] }[];
}

export const DATA_SECTIONS: readonly SectionDef[] = [
  {
    id: 'record',
    title: 'The record shift',
    intro:
      'What Stakhanov cut in his record shift, the norm it was measured against, and the records that followed. ' +
      'The multiple of the norm depends on the norm used, so the multiples the sources state are kept apart from ' +
      'the one computed from the tonnage and the norm.',
    groups: [
      { id: 'record-records', title: 'Records', prefixes: ['record.'] },
      { id: 'record-movement', title: 'The Stakhanovite movement', prefixes: ['movement.'] },
    ],
  },
  {
    id: 'plan2',
    title: 'The Second Five-Year Plan',
    intro:
      'Targets of the Second Five-Year Plan against the reported outcomes. Targets were revised during the plan, ' +
      'so a target is always read with its source and date; outcomes are the official figures.',
    groups: [{ id: 'plan2-figures', title: 'Targets and outcomes', prefixes: ['plan2.'] }],
  },
  {
    id: 'output',
    title: 'Annual output',
    intro:
      'Official annual series of physical output. Years that were not read in a source are marked unverified; ' +
      'they complete the frame and should not be relied on.',
    groups: [{ id: 'output-series', title: 'Output series', prefixes: ['output.'] }],
  },
  {
    id: 'growth',
    title: 'Growth',
    intro:
      'Growth rates and multiples, official and reconstructed. Each is its own measure, with its own definition ' +
      'and period, and they are shown side by side, never averaged.',
    groups: [{ id: 'growth-figures', title: 'Growth rates and multiples', prefixes: ['growth.'] }],
  },
  {
    id: 'gulag',
    title: 'The Gulag',
    intro:
      'Population on a date, people who passed through, and deaths. Camps only, camps and colonies, and all places ' +
      'of detention are different measures: a stock on a date is not a flow over years.',
    groups: [
      { id: 'gulag-population', title: 'Population', prefixes: ['gulag-pop.'] },
      { id: 'gulag-flows', title: 'Flows', prefixes: ['gulag-flow.'] },
      { id: 'gulag-deaths', title: 'Deaths', prefixes: ['gulag-deaths.'] },
    ],
  },
  {
    id: 'human-cost',
    title: 'The human cost',
    intro:
      'Estimates of deaths by definition, territory and period. They differ by method (archival registers, ' +
      'demographic reconstruction, pre-archival estimates); the forest plots show each source against the ' +
      'reconciled range.',
    groups: [
      { id: 'human-cost-excess', title: 'Excess deaths', prefixes: ['excess-deaths.'] },
      { id: 'human-cost-famine', title: 'Famine', prefixes: ['famine.'] },
      { id: 'human-cost-repression', title: 'Executions and repression', prefixes: ['repression.'] },
    ],
  },
];

export const OTHER_SECTION: SectionDef = {
  id: 'other',
  title: 'Other measures',
  intro:
    'Figures that belong to none of the sections above. They are reconciled in the same way and listed here ' +
    'so that no figure of the data is left out.',
  groups: [{ id: 'other-figures', title: 'Figures', prefixes: [''] }],
};

/** The data section and group of a measure id; measures of no known prefix go to "Other measures". */
export function sectionOf(measureId: string): { section: SectionDef; group: SectionDef['groups'][number] } {
  for (const section of DATA_SECTIONS) {
    for (const group of section.groups) {
      if (group.prefixes.some((p) => measureId.startsWith(p))) return { section, group };
    }
  }
  return { section: OTHER_SECTION, group: OTHER_SECTION.groups[0]! };
}
