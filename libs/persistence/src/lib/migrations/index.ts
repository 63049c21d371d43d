import { InitialSchema1763776800000 } from './1763776800000-initial-schema';
import { AccountsAndAudit1763780400000 } from './1763780400000-accounts-and-audit';
import { ApplicationRole1763784000000 } from './1763784000000-application-role';
import { IdempotencyPerCaller1763790000000 } from './1763790000000-idempotency-per-caller';
import { IncidentListOrder1763791200000 } from './1763791200000-incident-list-order';
import { Notifications1764900000000 } from './1764900000000-notifications';
import { OnDutyOperations1765000000000 } from './1765000000000-on-duty-operations';
import { AssignmentJourney1765100000000 } from './1765100000000-assignment-journey';
import { AcceptDeadline1765200000000 } from './1765200000000-accept-deadline';
import { DeliveryReceipts1765300000000 } from './1765300000000-delivery-receipts';
import { SiteState1765400000000 } from './1765400000000-site-state';
import { AnalyticsIndexes1765500000000 } from './1765500000000-analytics-indexes';
import { SituationReports1765600000000 } from './1765600000000-situation-reports';
import { IncidentReferenceBeyondAMillion1765700000000 } from './1765700000000-incident-reference-beyond-a-million';
import { AlarmIntake1765800000000 } from './1765800000000-alarm-intake';
import { GeneratorDispatches1765900000000 } from './1765900000000-generator-dispatches';
import { SnmpTrapSources1766000000000 } from './1766000000000-snmp-trap-sources';
import { AlarmWebhookMappings1766100000000 } from './1766100000000-alarm-webhook-mappings';
import { RoamingRequests1766300000000 } from './1766300000000-roaming-requests';

/** Every migration, in order. Listed explicitly so bundled apps and the CLI see the same set. */
export const MIGRATIONS = [InitialSchema1763776800000, AccountsAndAudit1763780400000, ApplicationRole1763784000000, IdempotencyPerCaller1763790000000, IncidentListOrder1763791200000, Notifications1764900000000, OnDutyOperations1765000000000, AssignmentJourney1765100000000, AcceptDeadline1765200000000, DeliveryReceipts1765300000000, SiteState1765400000000, AnalyticsIndexes1765500000000, SituationReports1765600000000, IncidentReferenceBeyondAMillion1765700000000, AlarmIntake1765800000000, GeneratorDispatches1765900000000, SnmpTrapSources1766000000000, AlarmWebhookMappings1766100000000, RoamingRequests1766300000000];
