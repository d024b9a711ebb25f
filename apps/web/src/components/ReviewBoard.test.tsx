import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ReviewBoard, type BoardRound } from './ReviewBoard';

const names = new Map([
  ['a', 'Alpha'],
  ['b', 'Bravo'],
  ['c', 'Charlie'],
  ['d', 'Delta'],
  ['e', 'Echo'],
]);
const reason = { aGets: ['Site web'], bGets: ['Comptabilité'], sharedCauses: [4], warnings: [] as string[] };
const rounds: BoardRound[] = [
  {
    round: 1,
    startsAt: '2026-03-12T09:00:00.000Z',
    breaks: ['e'],
    meetings: [
      {
        id: 'm1',
        round: 1,
        table: 1,
        locked: false,
        score: 0.81,
        participantIds: ['a', 'b'],
        reasons: [reason],
      },
      {
        id: 'm2',
        round: 1,
        table: 2,
        locked: false,
        score: 0.42,
        participantIds: ['c', 'd'],
        reasons: [{ ...reason, warnings: ['SIZE_GAP: very different sizes'] }],
      },
    ],
  },
  {
    round: 2,
    startsAt: '2026-03-12T09:09:00.000Z',
    breaks: [],
    meetings: [
      { id: 'm3', round: 2, table: 1, locked: true, score: 0.5, participantIds: ['a', 'c'], reasons: [] },
    ],
  },
];

function board(overrides: Partial<Parameters<typeof ReviewBoard>[0]> = {}) {
  const onSwap = vi.fn();
  const onLock = vi.fn();
  renderWithProviders(
    <ReviewBoard
      rounds={rounds}
      names={names}
      timeZone="Europe/Paris"
      editable
      onSwap={onSwap}
      onLock={onLock}
      {...overrides}
    />,
  );
  return { onSwap, onLock };
}

describe('ReviewBoard', () => {
  it('shows rounds × tables with score, one-line reason, warnings and times in the event zone', () => {
    board();
    const grid = screen.getByRole('table', { name: /une ligne par tour/ });
    const rows = within(grid).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2 rounds
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Tour 1');
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('10:00'); // 09:00 UTC in Paris
    expect(screen.getByTestId('meeting-1-1')).toHaveTextContent('score 0,81');
    expect(screen.getByTestId('meeting-1-1')).toHaveTextContent(
      '1ᵉʳ reçoit : Site web · 2ᵉ reçoit : Comptabilité · causes : ODD 4',
    );
    expect(screen.getByTestId('meeting-1-2')).toHaveTextContent('attention : tailles très différentes');
    expect(within(rows[1]).getByRole('button', { name: 'Echo' })).toBeInTheDocument(); // on a break
  });

  it('swaps two participants of a round with two clicks (keyboard: Enter on each)', async () => {
    const { onSwap } = board();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('chip-1-a'));
    expect(screen.getByTestId('chip-1-a')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/Alpha choisi·e \(tour 1\)/)).toBeInTheDocument();
    screen.getByTestId('chip-1-d').focus();
    await user.keyboard('{Enter}');
    expect(onSwap).toHaveBeenCalledWith(1, 'a', 'd');
    expect(screen.getByTestId('chip-1-a')).toHaveAttribute('aria-pressed', 'false');
  });

  it('never swaps across rounds, nor a locked meeting, nor once published', async () => {
    const { onSwap } = board();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('chip-1-a'));
    await user.click(screen.getByTestId('chip-2-c')); // locked, and another round
    expect(onSwap).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('chip-1-a'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getByTestId('chip-1-a')).toHaveAttribute('aria-pressed', 'false');
  });

  it('locks and unlocks a meeting', async () => {
    const { onLock } = board();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Verrouiller la rencontre du tour 1, table 1' }));
    expect(onLock).toHaveBeenCalledWith('m1', true);
    const locked = screen.getByRole('button', { name: 'Verrouiller la rencontre du tour 2, table 1' });
    expect(locked).toHaveAttribute('aria-pressed', 'true');
    await user.click(locked);
    expect(onLock).toHaveBeenCalledWith('m3', false);
  });

  it('is read-only once published', async () => {
    const { onSwap, onLock } = board({ editable: false });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('chip-1-a'));
    await user.click(screen.getByTestId('chip-1-c'));
    expect(onSwap).not.toHaveBeenCalled();
    expect(
      screen.getByRole('button', { name: 'Verrouiller la rencontre du tour 1, table 1' }),
    ).toBeDisabled();
    expect(onLock).not.toHaveBeenCalled();
  });
});
