import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { PERSONAL_DATA_PART, PersonalDataContributor, PersonalDataSubject } from '@maillage/common';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { errorKind } from '@maillage/jobs';
import { PERSONAL_DATA_ERRORS } from './personal-data.errors';
import { PersonalDataAction, PersonalDataRequestEntity } from './personal-data-request.entity';

export interface PartResult {
  part: string;
  count: number;
  /** Error kind when this part failed (the others still ran; the request may be repeated). */
  error: string | null;
}

export interface PersonalDataExportResult {
  subjectHash: string;
  exportedAt: Date;
  parts: (PartResult & { records: Record<string, unknown>[] })[];
}

export interface PersonalDataErasureResult {
  subjectHash: string;
  erasedAt: Date;
  parts: PartResult[];
  total: number;
  complete: boolean;
}

/** The retention task runs at most this often (its audit rows say when it last ran). */
export const RETENTION_EVERY_MS = 24 * 3600 * 1000;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Exports and erases one person's data across every store: each lib that holds personal data
 * contributes a `@PersonalDataPart` provider (PersonalDataContributor, libs/common); this service
 * discovers them, resolves the subject (names and accounts tied to the e-mail) once, runs every part
 * and writes one audit row per request (never the e-mail: an HMAC of it).
 */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger('PersonalData');
  private found: { part: string; contributor: PersonalDataContributor }[] | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @InjectRepository(PersonalDataRequestEntity)
    private readonly requests: Repository<PersonalDataRequestEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every contributor of the process, by part name (one provider per part). */
  parts(): { part: string; contributor: PersonalDataContributor }[] {
    if (this.found) return this.found;
    const byPart = new Map<string, PersonalDataContributor>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as PersonalDataContributor | undefined;
      if (!wrapper.metatype || !instance || typeof instance !== 'object') continue;
      const part = this.reflector.get<string | undefined>(
        PERSONAL_DATA_PART,
        wrapper.metatype as object as never,
      );
      if (!part) continue;
      const seen = byPart.get(part);
      if (seen && seen.constructor !== instance.constructor)
        throw new Error(`two personal-data parts named ${part}`);
      byPart.set(part, instance);
    }
    this.found = [...byPart]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([part, contributor]) => ({ part, contributor }));
    return this.found;
  }

  /** HMAC-SHA256 of the lower-cased e-mail, keyed by the deployment's secret: the audit's only trace of it. */
  subjectHash(email: string): string {
    return createHmac('sha256', this.config.AUTH_TOKEN_SECRET).update(`personal-data:${email}`).digest('hex');
  }

  async export(email: string, requestedBy: string | null): Promise<PersonalDataExportResult> {
    const subject = await this.subject(email);
    const parts: PersonalDataExportResult['parts'] = [];
    for (const { part, contributor } of this.parts()) {
      try {
        const records = await contributor.export(subject);
        parts.push({ part, count: records.length, error: null, records });
      } catch (err) {
        parts.push({ part, count: 0, error: errorKind(err), records: [] });
      }
    }
    const subjectHash = this.subjectHash(subject.email);
    await this.audit('EXPORT', subjectHash, requestedBy, parts);
    return { subjectHash, exportedAt: new Date(), parts };
  }

  async erase(email: string, requestedBy: string | null): Promise<PersonalDataErasureResult> {
    const subject = await this.subject(email);
    const parts: PartResult[] = [];
    for (const { part, contributor } of this.parts()) {
      try {
        parts.push({ part, count: await contributor.erase(subject), error: null });
      } catch (err) {
        parts.push({ part, count: 0, error: errorKind(err) });
        this.logger.warn(`erasure: part ${part} failed (${errorKind(err)}); the request may be repeated`);
      }
    }
    const subjectHash = this.subjectHash(subject.email);
    await this.audit('ERASE', subjectHash, requestedBy, parts);
    return {
      subjectHash,
      erasedAt: new Date(),
      parts,
      total: parts.reduce((n, p) => n + p.count, 0),
      complete: parts.every((p) => !p.error),
    };
  }

  /**
   * Retention: every part clears what it holds older than PERSONAL_DATA_RETENTION_DAYS. Runs at most
   * once per RETENTION_EVERY_MS unless forced (the audit's last RETENTION row says when it ran).
   */
  async purgeExpired(options: { force?: boolean; now?: Date } = {}): Promise<PartResult[] | null> {
    const now = options.now ?? new Date();
    if (!options.force) {
      const recent = await this.requests.count({
        where: { action: 'RETENTION', createdAt: MoreThan(new Date(now.getTime() - RETENTION_EVERY_MS)) },
      });
      if (recent) return null;
    }
    const before = new Date(now.getTime() - this.config.PERSONAL_DATA_RETENTION_DAYS * 86_400_000);
    const parts: PartResult[] = [];
    for (const { part, contributor } of this.parts()) {
      if (!contributor.purgeExpired) continue;
      try {
        parts.push({ part, count: await contributor.purgeExpired(before), error: null });
      } catch (err) {
        parts.push({ part, count: 0, error: errorKind(err) });
      }
    }
    await this.audit('RETENTION', null, null, parts);
    return parts;
  }

  /** The audit, newest first. */
  history(limit: number): Promise<PersonalDataRequestEntity[]> {
    return this.requests.find({ order: { createdAt: 'DESC' }, take: limit });
  }

  /** Validates the e-mail and gathers what every part ties to it. */
  private async subject(raw: string): Promise<PersonalDataSubject> {
    const email = raw.trim().toLowerCase();
    if (email.length > 320 || !EMAIL.test(email))
      throw PERSONAL_DATA_ERRORS.badField('Not an e-mail address', ['email'], 'invalid_email');
    const names = new Set<string>();
    const userIds = new Set<string>();
    for (const { contributor } of this.parts()) {
      const found = (await contributor.identify?.(email)) ?? {};
      for (const n of found.names ?? []) if (n.trim()) names.add(n.trim().toLowerCase());
      for (const id of found.userIds ?? []) userIds.add(id);
    }
    return { email, names: [...names], userIds: [...userIds] };
  }

  private async audit(
    action: PersonalDataAction,
    subjectHash: string | null,
    requestedBy: string | null,
    parts: PartResult[],
  ): Promise<void> {
    await this.requests.insert({
      action,
      subjectHash,
      requestedBy,
      counts: Object.fromEntries(parts.map((p) => [p.part, p.error ?? p.count])),
    });
  }
}
