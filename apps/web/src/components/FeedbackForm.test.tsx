import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { FeedbackForm } from './FeedbackForm';

describe('FeedbackForm', () => {
  it('asks for a rating before sending anything', async () => {
    const onSubmit = vi.fn().mockResolvedValue({});
    renderWithProviders(<FeedbackForm partnerName="Bravo Conseil" onSubmit={onSubmit} />);
    expect(screen.getByRole('form', { name: 'Rencontre avec Bravo Conseil' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mon retour' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Choisissez une appréciation')).toBeInTheDocument();
  });

  it('sends the rating, the outcome with its alliance form and the follow-up wish', async () => {
    const onSubmit = vi.fn().mockResolvedValue({});
    renderWithProviders(<FeedbackForm partnerName="Bravo Conseil" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('radio', { name: '4' }));
    // The alliance form only makes sense with an agreement.
    expect(screen.queryByRole('combobox', { name: /Forme de l’alliance/ })).toBeNull();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Ce qui en est sorti' }),
      'Un accord de partenariat',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: /Forme de l’alliance/ }),
      'Mutualisation',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /Je souhaite donner suite/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mon retour' }));
    expect(onSubmit).toHaveBeenCalledWith({
      rating: 4,
      outcome: 'AGREEMENT',
      allianceForm: 'POOLING',
      wantsFollowUp: true,
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Merci, votre retour est enregistré.');
  });

  it('shows the API error and no confirmation when saving fails', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error('The meeting has not taken place yet'));
    renderWithProviders(<FeedbackForm partnerName="Bravo Conseil" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('radio', { name: '2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mon retour' }));
    expect(onSubmit).toHaveBeenCalledWith({
      rating: 2,
      outcome: 'NONE',
      allianceForm: null,
      wantsFollowUp: false,
    });
    expect(await screen.findByText(/The meeting has not taken place yet/)).toBeInTheDocument();
    expect(screen.queryByText('Merci, votre retour est enregistré.')).toBeNull();
  });
});
