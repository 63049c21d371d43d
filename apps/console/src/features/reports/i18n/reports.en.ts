import type { reportsVi } from './reports.vi';

/** The reports area's strings in English (same keys as reports.vi.ts; reports.spec.ts checks it). */
export const reportsEn: typeof reportsVi = {
  reports: {
    title: 'Reports',
    intro: 'Situation reports are generated at 07:00 and 17:00 (more often during an event period) and sent to leadership through the notification channels.',
    kind: {
      situation: 'Situation report',
      flash: 'Flash report',
      cyber_initial: 'Cyber incident: initial report',
      cyber_progress: 'Cyber incident: progress report',
    },
    trigger: {
      scheduled: 'Scheduled',
      on_demand: 'On demand',
    },
    filter: {
      kind: 'Kind of report',
      allKinds: 'All kinds of report',
    },
    generate: {
      title: 'Generate a situation report',
      from: 'From',
      to: 'To',
      language: 'Language',
      submit: 'Generate',
      done: 'Report no. {{number}} generated',
      needPeriod: 'Choose the start and the end of the period',
    },
    language: { vi: 'Tiếng Việt', en: 'English' },
    list: {
      empty: 'No reports yet.',
      loadFailed: 'Could not load the reports',
      number: 'No. {{number}}',
      period: 'Period: {{from}} – {{to}}',
      generatedAt: 'Generated at {{time}}',
      signedOff: 'Signed off: {{name}}, {{time}}',
      notSigned: 'Not signed off',
      total: '{{count}} reports',
    },
    actions: {
      pdf: 'Download PDF',
      xlsx: 'Download Excel',
      open: 'Remarks and sign-off',
      downloadFailed: 'Could not download the report',
    },
    detail: {
      title: '{{kind}} no. {{number}}',
      figures: '{{reported}} incidents received, {{resolved}} resolved, {{open}} still open; {{breaches}} breaches, {{escalations}} escalations.',
      remarks: "Duty officer's remarks",
      remarksPlaceholder: 'Assessment and proposals of the duty officer…',
      saveRemarks: 'Save remarks',
      remarksSaved: 'Remarks saved',
      remarksFrozen: 'The report is signed off: its remarks can no longer change.',
      signOff: 'Sign off (shift lead)',
      signOffConfirm: 'Sign this report off? Its remarks cannot change afterwards.',
      signedOff: 'Report signed off',
      signOffHint: "Only the lead of the on-duty group's current shift may sign off.",
      close: 'Close',
    },
  },
};
