import { Module } from '@nestjs/common';
import { IncidentsModule } from '@netduty/incidents';
import { TroubleTickets } from './trouble-tickets.service';

/** TMF621 Trouble Ticket for the operators' ticketing systems: tickets are incidents, through the incidents' use cases. */
@Module({
  imports: [IncidentsModule],
  providers: [TroubleTickets],
  exports: [TroubleTickets],
})
export class TroubleTicketsModule {}
