import type { roamingVi } from './roaming.vi';

/** English, second language: the same keys as roaming.vi.ts (roaming.spec.ts checks it). */
export const roamingEn: typeof roamingVi = {
  roaming: {
    title: 'Proposed inter-operator roaming',
    none: 'No commune needs roaming.',
    proposal: '{{lost}} lost all {{count}} BTS in {{commune}}',
    hosts: 'Operators still on air:',
    issue: 'Ask {{host}} to roam',
    issued: 'Requested from {{host}} — due {{deadline}}',
    inEffect: 'Roaming onto {{host}}',
    issuedToast: 'Roaming request issued (30-minute deadline)',
    withoutHost: 'No operator left on air to roam onto:',
    dismiss: 'Dismiss',
    dismissReason: 'Reason for dismissing (optional)',
    dismissConfirm: 'Dismiss proposal',
    dismissCancel: 'Cancel',
    dismissedToast: 'Proposal set aside for this outage',
    requestsTitle: 'Requests in progress',
    request: '{{lost}} → {{host}} in {{commune}}',
    requestIssuedBy: 'Issued {{time}} by {{name}}',
    requestDeadline: 'Roaming due:',
    requestBackOnAir: '{{lost}} is back on air: the request can end',
    status: { issued: 'Requested', in_effect: 'Roaming in effect', ended: 'Ended', dismissed: 'Dismissed' },
    steps: { in_effect: 'Roaming in effect', end: 'End' },
    stepToasts: { in_effect: 'Recorded: roaming is in effect', end: 'Roaming request ended' },
    operators: { viettel: 'Viettel', vnpt: 'VNPT', mobifone: 'MobiFone', vnpost: 'Vietnam Post', viettelpost: 'Viettel Post' },
  },
};
