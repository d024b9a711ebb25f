import { Module } from '@nestjs/common';
import { EventsCoreModule } from '@maillage/events';
import { SchedulesCoreModule } from '@maillage/schedules';
import { AgendaService } from './agenda.service';
import { AgendasResolver } from './agendas.resolver';
import { ExportsService } from './exports.service';
import { PrintService } from './print.service';

/** Personal agendas and the table plan, built from the published schedule. */
@Module({
  imports: [EventsCoreModule, SchedulesCoreModule],
  providers: [AgendaService, ExportsService, PrintService],
  exports: [AgendaService, ExportsService, PrintService],
})
export class AgendasCoreModule {}

/** API side: agendas on screen and as ICS, CSV and PDF files. */
@Module({ imports: [AgendasCoreModule], providers: [AgendasResolver] })
export class AgendasGraphqlModule {}
