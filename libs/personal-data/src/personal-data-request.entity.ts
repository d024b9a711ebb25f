import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PersonalDataAction = 'EXPORT' | 'ERASE' | 'RETENTION';

/**
 * The audit of personal-data requests: who asked what, when, and how many records each part
 * found or changed. It never holds the e-mail: `subject_hash` is an HMAC of it (so the same person's
 * requests can be matched by someone who knows the e-mail and the deployment's secret, no one else).
 */
@Entity('personal_data_requests')
export class PersonalDataRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  action: PersonalDataAction;

  /** HMAC-SHA256 (hex) of the lower-cased e-mail; null for a retention sweep. */
  @Index()
  @Column({ type: 'varchar', length: 64, name: 'subject_hash', nullable: true })
  subjectHash: string | null;

  /** The admin who asked (null: the retention task). */
  @Column({ type: 'uuid', name: 'requested_by', nullable: true })
  requestedBy: string | null;

  /** Records per part; a part that failed holds its error kind instead. */
  @Column({ type: 'jsonb', default: {} })
  counts: Record<string, number | string>;

  @Index()
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** This lib's tables, for the app-wide entity list. */
export const PERSONAL_DATA_ENTITIES = [PersonalDataRequestEntity];
