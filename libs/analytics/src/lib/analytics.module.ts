import { Module } from '@nestjs/common';
import { NetworkSafetyService } from './network-safety.service';
import { TrendsService } from './trends.service';

/** The leadership's figures: network safety now, coverage impact, trends. Read-only, computed in SQL. */
@Module({
  providers: [NetworkSafetyService, TrendsService],
  exports: [NetworkSafetyService, TrendsService],
})
export class AnalyticsModule {}
