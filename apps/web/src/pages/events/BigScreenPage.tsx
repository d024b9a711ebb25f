import { Navigate, useParams } from 'react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { PageLoader } from '../../components/PageLoader';
import { useGql } from '../../graphql/hooks';
import { eventTimeZone, formatDate, formatTime } from '../../lib/time';
import { EVENT, SCHEDULE } from './operations';
import { countdown, screenState } from './screen-state';
import classes from './BigScreenPage.module.css';

/**
 * /screen/:eventId — the room's projector, read at 5 m: current round, countdown, who sits at
 * which table, what comes next. No controls; it advances with the event clock and picks up a
 * re-pairing within 15 s.
 */
export default function BigScreenPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const { user, loading } = useSession();
  const event = useGql(['event', eventId], EVENT, { id: eventId }, { enabled: !!user });
  const schedule = useGql(
    ['schedule', eventId],
    SCHEDULE,
    { eventId },
    { enabled: !!user, refetchInterval: 15_000 },
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (loading) return <PageLoader />;
  if (!user) return <Navigate to={`/sign-in?next=/screen/${eventId}`} replace />;
  if (!event.data || schedule.isPending) return <PageLoader />;

  const e = event.data.event;
  const tz = eventTimeZone(e);
  const s = schedule.data?.schedule;
  const state = s ? screenState(s.rounds, now) : null;
  const time = (iso: string) => formatTime(iso, tz, i18n.language);

  return (
    <main className={classes.screen} id="main">
      <header className={classes.header}>
        <h1 className={classes.title}>{e.title}</h1>
        <p className={classes.clock} aria-label={t('screen.now')}>
          {formatTime(now, tz, i18n.language)}
        </p>
      </header>
      {!s || !state ? (
        <p className={classes.message}>{t('screen.noSchedule')}</p>
      ) : state.phase === 'over' ? (
        <p className={classes.message}>{t('screen.over')}</p>
      ) : (
        <>
          <section className={classes.status} aria-live="polite">
            <h2 className={classes.round}>
              {t('screen.round', { n: state.current.round, total: s.rounds.length })}
            </h2>
            <p className={classes.countdown} data-testid="countdown">
              {/* Days ahead, a date reads better than a 163-hour countdown. */}
              {state.until - now > 12 * 3_600_000
                ? formatDate(new Date(state.until).toISOString(), tz, i18n.language)
                : countdown(state.until, now)}
            </p>
            <p className={classes.phase}>
              {state.phase === 'round'
                ? t('screen.endsAt', { time: time(state.current.endsAt) })
                : t('screen.startsAt', { time: time(state.current.startsAt) })}
            </p>
          </section>
          <ol className={classes.tables} aria-label={t('screen.tables')}>
            {state.current.meetings
              .slice()
              .sort((a, b) => a.table - b.table)
              .map((m) => (
                <li key={m.id} className={classes.table}>
                  <span className={classes.tableNo}>{t('screen.table', { n: m.table })}</span>
                  <span className={classes.names}>
                    {m.participants.map((p) => p.name ?? p.actorId).join(' · ')}
                  </span>
                </li>
              ))}
          </ol>
          {state.current.breaks.length > 0 && (
            <p className={classes.breaks}>{t('screen.onBreak', { count: state.current.breaks.length })}</p>
          )}
          <footer className={classes.next}>
            {state.next
              ? t('screen.next', { n: state.next.round, time: time(state.next.startsAt) })
              : t('screen.last')}
          </footer>
        </>
      )}
    </main>
  );
}
