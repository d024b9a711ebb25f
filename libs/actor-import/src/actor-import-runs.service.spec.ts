import { BadInputError, ForbiddenError } from '@maillage/common';
import { Principal, Role } from '@maillage/auth';
import { ActorImportRunsService } from './actor-import-runs.service';
import { ActorImportService } from './actor-import.service';
import { MAX_BYTES, SYNC_MAX_BYTES } from './import-limits';

const organiser: Principal = {
  kind: 'user',
  userId: 'u',
  organisationId: 'o',
  role: Role.ORGANISER,
  actorIds: [],
};
const editor: Principal = { ...organiser, role: Role.ACTOR_EDITOR };

/** Sizes and roles are checked before anything is stored or parsed: no database needed. */
function service() {
  const untouched = new Proxy({}, { get: () => () => Promise.reject(new Error('must not be reached')) });
  const imports = {
    importer: { parse: () => ({ rows: [] }), checkHeader: () => undefined },
  } as unknown as ActorImportService;
  return new ActorImportRunsService(untouched as never, imports, untouched as never);
}

const sized = (bytes: number) => `external_id,name,kind\n${'x'.repeat(bytes)}`;

describe('ActorImportRunsService limits', () => {
  it('sends files over 1 MB to the background import', async () => {
    const err = await service()
      .importNow(organiser, sized(SYNC_MAX_BYTES), false)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).details).toMatchObject({ field: ['csv'], reason: 'too_large_for_sync' });
    expect((err as Error).message).toContain('startActorsCsvImport');
  });

  it('refuses files over 20 MB with a clear error', async () => {
    const err = await service()
      .start(organiser, sized(MAX_BYTES))
      .catch((e: unknown) => e);
    expect((err as BadInputError).details).toMatchObject({ reason: 'file_too_large' });
    expect((err as Error).message).toMatch(/limit is 20 MB/);
  });

  it('is for admins and organisers', async () => {
    await expect(service().importNow(editor, 'name,kind\n', true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service().get(editor, 'x')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
