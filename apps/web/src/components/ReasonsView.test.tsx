import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { renderWithProviders } from '../../test/render';
import { ReasonsView } from './ReasonsView';

const explanation = {
  a: { family: 'PEER', kind: 'ASSOCIATION' },
  b: { family: 'PRIVATE', kind: 'COMPANY' },
  forward: {
    matches: [
      { via: 'exact', need: { label: 'Comptabilité' }, offer: { label: 'Comptabilité' } },
      { via: 'parent', need: { label: 'Site vitrine et gestion de contenu' }, offer: { label: 'Site web' } },
    ],
  },
  backward: {
    matches: [
      {
        via: 'exact',
        need: { label: "Organisation d'événements" },
        offer: { label: "Organisation d'événements" },
      },
    ],
  },
  sharedCauses: [4, 11],
  sharedForms: ['RESOURCES'],
  territory: { level: 'COMMUNE', via: 'location' },
  commonPartners: 2,
  warnings: ['SIZE_GAP: very different sizes (MICRO vs LARGE)', 'ONE_SIDED: x covers 90% of y'],
};

describe('ReasonsView', () => {
  it('says why in plain French, in the order a person reads a proposal', () => {
    renderWithProviders(<ReasonsView explanation={explanation} />);
    const items = screen.getAllByRole('listitem').map((li) => li.querySelector('[data-reason]')?.textContent);
    expect(items).toEqual([
      'couvre votre besoin « Comptabilité »',
      'couvre votre besoin « Site vitrine et gestion de contenu » (avec « Site web »)',
      "vous couvrez son besoin « Organisation d'événements »",
      'causes partagées : ODD 4 – Éducation de qualité, ODD 11 – Villes et communautés durables',
      'proximité : même commune',
      'autre famille d’acteurs : Acteurs privés',
      'formes d’alliance en commun : Ressources',
      '2 partenaires en commun (confiance)',
      'attention : tailles très différentes',
      'attention : échange surtout à sens unique',
    ]);
  });

  it('leaves out what does not apply (same family, no territory, nothing shared)', () => {
    renderWithProviders(
      <ReasonsView
        explanation={{
          a: { family: 'PEER', kind: 'ASSOCIATION' },
          b: { family: 'PEER', kind: 'FOUNDATION' },
          forward: { matches: [] },
          backward: { matches: [] },
          sharedCauses: [],
          territory: null,
          warnings: [],
        }}
      />,
    );
    expect(screen.getByText('Pas de raison particulière.')).toBeInTheDocument();
  });

  it('speaks English when the console is in English', async () => {
    await i18n.changeLanguage('en');
    try {
      renderWithProviders(<ReasonsView explanation={{ ...explanation, warnings: [] }} />);
      expect(screen.getByText('covers your need “Comptabilité”')).toBeInTheDocument();
      expect(screen.getByText('nearby: same commune')).toBeInTheDocument();
      expect(
        screen.getByText(
          'shared causes: SDG 4 – Quality education, SDG 11 – Sustainable cities and communities',
        ),
      ).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});
