import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { WishList, type WishCandidateView } from './WishList';

const candidates: WishCandidateView[] = [
  {
    actorId: 'b',
    name: 'Bravo Conseil',
    rank: 1,
    score: 0.82,
    theyBring: ['Site web'],
    youBring: ['Comptabilité'],
    sharedCauses: [4],
    warnings: [],
    wish: null,
    note: null,
  },
  {
    actorId: 'c',
    name: 'Charlie Asso',
    rank: 2,
    score: 0.4,
    theyBring: [],
    youBring: [],
    sharedCauses: [],
    warnings: ['SIZE_GAP: very different sizes'],
    wish: 'MAYBE',
    note: 'déjà croisés',
  },
];

const props = { deadline: '2026-03-10T17:00:00.000Z', open: true, timeZone: 'Europe/Paris' };

describe('WishList', () => {
  it('lists candidates by rank with their reasons and the deadline in the event time zone', () => {
    renderWithProviders(<WishList candidates={candidates} {...props} onSave={vi.fn()} />);
    const items = screen.getAllByTestId('wish-candidate');
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual([
      'Bravo Conseil',
      'Charlie Asso',
    ]);
    expect(within(items[0]).getByText('Vous apporte : Site web')).toBeInTheDocument();
    // 17:00 UTC is 18:00 in Paris (winter).
    expect(screen.getByRole('status')).toHaveTextContent('18:00');
    // The saved wish is shown and preselected.
    expect(within(items[1]).getByText('Pourquoi pas', { selector: 'span' })).toBeInTheDocument();
    expect(within(items[1]).getByRole('radio', { name: 'Pourquoi pas' })).toBeChecked();
  });

  it('saves the chosen level with the note through the labelled radio group', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<WishList candidates={candidates} {...props} onSave={onSave} />);
    const group = screen.getByRole('radiogroup', { name: 'Votre souhait pour Bravo Conseil' });
    const save = screen.getByRole('button', { name: 'Enregistrer le souhait pour Bravo Conseil' });
    expect(save).toBeDisabled();
    await userEvent.click(within(group).getByRole('radio', { name: 'Je veux rencontrer' }));
    const item = screen.getAllByTestId('wish-candidate')[0];
    await userEvent.type(
      within(item).getByRole('textbox', { name: /Note pour le laboratoire/ }),
      'Site à refaire',
    );
    await userEvent.click(save);
    expect(onSave).toHaveBeenCalledWith('b', 'WANT', 'Site à refaire');
    expect(await within(item).findByText('Je veux rencontrer', { selector: 'span' })).toBeInTheDocument();
  });

  it('shows the API refusal after the deadline and keeps the wish unsaved', async () => {
    const onSave = vi.fn().mockRejectedValue(new Error('La liste de souhaits est close'));
    renderWithProviders(<WishList candidates={candidates} {...props} onSave={onSave} />);
    const item = screen.getAllByTestId('wish-candidate')[0];
    await userEvent.click(within(item).getByRole('radio', { name: 'Non merci' }));
    await userEvent.click(within(item).getByRole('button', { name: /Enregistrer/ }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('La liste de souhaits est close');
    expect(within(item).queryByText('Non merci', { selector: 'span' })).toBeNull();
  });

  it('disables every choice once the list is closed', () => {
    renderWithProviders(<WishList candidates={candidates} {...props} open={false} onSave={vi.fn()} />);
    expect(screen.getByRole('status')).toHaveTextContent('close depuis');
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Retirer le souhait pour Charlie Asso' })).toBeDisabled();
  });
});
