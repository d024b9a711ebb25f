import { Injectable } from '@nestjs/common';
import { SweepTask } from '@maillage/jobs';
import { PersonalDataService } from './personal-data.service';

/**
 * The retention job: on the worker's sweeper (one worker at a time), at most once a day, each part
 * clears personal data older than PERSONAL_DATA_RETENTION_DAYS (contacts of actors untouched that
 * long, representatives of past events, survey comments and authors, stored CSV files, run failures).
 */
@Injectable()
export class PersonalDataRetention {
  constructor(private readonly personalData: PersonalDataService) {}

  @SweepTask('personal-data-retention')
  async sweep() {
    const parts = await this.personalData.purgeExpired();
    return parts ? Object.fromEntries(parts.map((p) => [p.part, p.error ?? p.count])) : 'not due';
  }
}
