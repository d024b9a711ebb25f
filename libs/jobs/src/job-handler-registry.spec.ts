import { JobName } from './job-contract';
import { buildHandlerTable, JobContractError } from './job-handler-registry';

const fn = async () => undefined;
const all = Object.values(JobName).map((name) => ({ name, owner: `Svc.${name}`, fn }));

describe('buildHandlerTable', () => {
  it('accepts exactly one handler per job name', () => {
    expect(buildHandlerTable(all).size).toBe(Object.values(JobName).length);
  });

  it('refuses a missing handler and names it', () => {
    expect(() => buildHandlerTable(all.filter((h) => h.name !== JobName.SCORING_CHUNK))).toThrow(
      new JobContractError('Worker cannot start: job "scoring-chunk" has no handler'),
    );
  });

  it('refuses two handlers for one job', () => {
    expect(() => buildHandlerTable([...all, { name: JobName.SCORE_ACTOR, owner: 'Other.x', fn }])).toThrow(
      /2 handlers/,
    );
  });
});
