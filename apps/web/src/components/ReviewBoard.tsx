import { ActionIcon, Badge, Group, Paper, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import {
  DndContext,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingReasonLine, warningCode } from '../lib/reasons';
import { formatScore } from '../lib/format';
import { formatTime } from '../lib/time';
import classes from './ReviewBoard.module.css';

export interface BoardMeeting {
  id: string;
  round: number;
  table: number;
  locked: boolean;
  score: number;
  participantIds: string[];
  reasons: { aGets: string[]; bGets: string[]; sharedCauses: number[]; warnings: string[] }[];
}
export interface BoardRound {
  round: number;
  startsAt: string;
  breaks: string[];
  meetings: BoardMeeting[];
}

export interface ReviewBoardProps {
  rounds: BoardRound[];
  names: Map<string, string>;
  timeZone: string;
  /** False once published: the board is read-only. */
  editable: boolean;
  busy?: boolean;
  onSwap(round: number, actorA: string, actorB: string): void;
  onLock(meetingId: string, locked: boolean): void;
}

interface Picked {
  round: number;
  actorId: string;
}

/**
 * The review board: rounds × tables, each meeting with its score, a one-line reason, its
 * warnings and a lock. Swap two participants of a round by dragging one onto the other (dnd-kit,
 * pointer and touch) or with two clicks (keyboard: Tab to a name, Enter, then the other name).
 */
export function ReviewBoard({ rounds, names, timeZone, editable, busy, onSwap, onLock }: ReviewBoardProps) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<Picked | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const tableCount = Math.max(0, ...rounds.flatMap((r) => r.meetings.map((m) => m.table)));
  const hasBreaks = rounds.some((r) => r.breaks.length > 0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPicked(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (round: number, actorId: string) => {
    if (!editable || busy) return;
    if (picked && picked.round === round && picked.actorId !== actorId) {
      onSwap(round, picked.actorId, actorId);
      setPicked(null);
    } else if (picked && picked.round === round && picked.actorId === actorId) setPicked(null);
    else setPicked({ round, actorId });
  };

  const onDragEnd = (e: DragEndEvent) => {
    const from = e.active.data.current as Picked | undefined;
    const to = e.over?.data.current as Picked | undefined;
    if (!from || !to || from.round !== to.round || from.actorId === to.actorId) return;
    setPicked(null);
    onSwap(from.round, from.actorId, to.actorId);
  };

  const chip = (round: number, actorId: string, locked: boolean) => (
    <ParticipantChip
      key={actorId}
      round={round}
      actorId={actorId}
      name={names.get(actorId) ?? actorId}
      disabled={!editable || locked || !!busy}
      selected={picked?.round === round && picked.actorId === actorId}
      onChoose={() => choose(round, actorId)}
    />
  );

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      {editable && (
        <Text size="sm" mb="xs" id="board-help">
          {picked
            ? t('review.pickedHelp', { name: names.get(picked.actorId) ?? '', round: picked.round })
            : t('review.swapHelp')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={Math.max(600, 220 * tableCount)}>
        <Table
          withTableBorder
          withColumnBorders
          className={classes.board}
          aria-describedby={editable ? 'board-help' : undefined}
        >
          <Table.Caption>{t('review.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('review.round')}</Table.Th>
              {Array.from({ length: tableCount }, (_, i) => (
                <Table.Th scope="col" key={i}>
                  {t('review.table', { n: i + 1 })}
                </Table.Th>
              ))}
              {hasBreaks && <Table.Th scope="col">{t('review.breaks')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((r) => (
              <Table.Tr key={r.round} data-round={r.round}>
                <Table.Th scope="row">
                  <Text fw={700}>{t('review.roundN', { n: r.round })}</Text>
                  <Text size="sm">{formatTime(r.startsAt, timeZone, i18n.language)}</Text>
                </Table.Th>
                {Array.from({ length: tableCount }, (_, i) => {
                  const m = r.meetings.find((x) => x.table === i + 1);
                  return (
                    <Table.Td key={i} className={classes.cell}>
                      {m && (
                        <Paper
                          withBorder
                          p={6}
                          className={m.locked ? classes.locked : undefined}
                          data-testid={`meeting-${r.round}-${m.table}`}
                        >
                          <Stack gap={4}>
                            <Group gap={4} wrap="wrap">
                              {m.participantIds.map((id) => chip(r.round, id, m.locked))}
                            </Group>
                            <Group gap={6} justify="space-between" wrap="nowrap">
                              <Badge color="indigo" variant="light" size="sm">
                                {t('review.score', { score: formatScore(m.score, i18n.language) })}
                              </Badge>
                              <Tooltip label={m.locked ? t('review.unlock') : t('review.lock')}>
                                <ActionIcon
                                  size="sm"
                                  variant={m.locked ? 'filled' : 'default'}
                                  aria-pressed={m.locked}
                                  aria-label={t('review.lockMeeting', {
                                    round: r.round,
                                    table: m.table,
                                  })}
                                  disabled={!editable || busy}
                                  onClick={() => onLock(m.id, !m.locked)}
                                >
                                  <LockIcon locked={m.locked} />
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                            <Text size="xs" lineClamp={2}>
                              {meetingReasonLine(m.reasons[0], t)}
                            </Text>
                            {m.reasons
                              .flatMap((x) => x.warnings)
                              .map((w, k) => {
                                const code = warningCode(w);
                                return (
                                  <Badge key={k} color="orange" size="xs" variant="light">
                                    {code ? t(`reasons.warning.${code}`) : w}
                                  </Badge>
                                );
                              })}
                          </Stack>
                        </Paper>
                      )}
                    </Table.Td>
                  );
                })}
                {hasBreaks && (
                  <Table.Td className={classes.cell}>
                    <Group gap={4}>{r.breaks.map((id) => chip(r.round, id, false))}</Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </DndContext>
  );
}

function ParticipantChip(props: {
  round: number;
  actorId: string;
  name: string;
  disabled: boolean;
  selected: boolean;
  onChoose(): void;
}) {
  const { round, actorId, name, disabled, selected, onChoose } = props;
  const id = `${round}:${actorId}`;
  const data = { round, actorId };
  const drag = useDraggable({ id, data, disabled });
  const drop = useDroppable({ id, data, disabled });
  const style = drag.transform
    ? { transform: `translate(${drag.transform.x}px, ${drag.transform.y}px)`, zIndex: 10 }
    : undefined;
  return (
    <UnstyledButton
      ref={(el: HTMLButtonElement | null) => {
        drag.setNodeRef(el);
        drop.setNodeRef(el);
      }}
      {...drag.listeners}
      type="button"
      className={classes.chip}
      data-selected={selected || undefined}
      data-over={drop.isOver || undefined}
      data-testid={`chip-${round}-${actorId}`}
      aria-pressed={selected}
      aria-disabled={disabled || undefined}
      onClick={disabled ? undefined : onChoose}
      style={style}
    >
      {name}
    </UnstyledButton>
  );
}

/** A padlock, closed or open (inline SVG: no icon font or emoji font needed). */
function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
    >
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d={locked ? 'M8 11V7a4 4 0 0 1 8 0v4' : 'M8 11V7a4 4 0 0 1 7.5-2'} />
    </svg>
  );
}
