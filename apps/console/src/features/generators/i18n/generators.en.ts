import type { generatorsVi } from './generators.vi';

/** The generator dispatch area's strings in English (same keys as generators.vi.ts; generators.spec.ts checks it). */
export const generatorsEn: typeof generatorsVi = {
  generators: {
    title: 'Generator dispatch',
    intro:
      'Sites that lost mains and run on batteries, in the order generators should go out in: the site going off air first leads; the minutes of a P0 site, and of a site whose commune would lose the operator\'s coverage, count for more.',
    updatedAt: 'Estimated at {{time}}',
    total: '{{count}} sites',
    loadFailed: 'Could not load the sites on batteries',
    empty: 'No site has lost mains.',
    columns: {
      rank: 'Order',
      site: 'Site',
      priority: 'Priority',
      timeLeft: 'Time left',
      basis: 'Estimate based on',
      dispatch: 'Generator team',
    },
    timeLeft: {
      offAirAt: 'Expected off air at {{time}}',
      past: 'Past its expected off-air time',
      none: 'Not counting down',
    },
    basis: {
      capacity: 'Battery capacity',
      dc_low_voltage: 'DC low voltage alarm',
      generator: 'Generator running',
      mains: 'No mains loss seen',
    },
    profile: '{{capacity}} Ah · {{load}} W',
    defaultProfile: "default for the site's kind",
    communeLosing: 'Commune loses {{operator}} coverage if it goes off air',
    status: {
      assigned: 'Assigned',
      departed: 'On the way',
      arrived: 'At the site',
      running: 'Generator running',
      stopped: 'Stopped',
    },
    statusAt: '{{status}} at {{time}}',
    steps: {
      depart: 'Set off',
      arrive: 'Arrived',
      run: 'Generator running',
      stop: 'Stop',
    },
    stepDone: 'Recorded: {{step}}',
    refused: {
      dispatch_out_of_order: 'Record the step before this one first',
      dispatch_finished: 'This generator dispatch is already over',
    },
    noDispatch: 'No generator sent',
    assign: {
      button: 'Assign generator team',
      title: 'Send a generator team to {{site}}',
      team: 'Generator team (name and phone)',
      teamPlaceholder: 'e.g. Cao Lộc generator team — 0912 345 678',
      teamRequired: "Enter the generator team's name and phone",
      note: 'Note',
      notePlaceholder: 'Generator size, route, contact at the site…',
      submit: 'Send',
      cancel: 'Cancel',
      done: 'Generator team sent to {{site}}',
    },
  },
};
