export * from './ticket-status';
export * from './tmf621-resources';
export { tmf621Validator, tmf621Problems, type Tmf621Definition } from './tmf621-schemas';
export { troubleTicketListQuery, type TroubleTicketListQuery } from './trouble-ticket-list-query';
export { TroubleTickets, ticketingSystemId } from './trouble-tickets.service';
export { TroubleTicketsModule } from './trouble-tickets.module';
