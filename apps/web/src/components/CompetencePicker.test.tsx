import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import {
  CompetencePicker,
  competenceTree,
  type CompetenceOption,
  type NeedRow,
  type OfferRow,
} from './CompetencePicker';

const competences: CompetenceOption[] = [
  { id: 'finance', label: 'Finance et comptabilité', level: 1, parentId: null, modalities: ['SKILLS'] },
  { id: 'finance.accounting', label: 'Comptabilité', level: 2, parentId: 'finance', modalities: ['SKILLS'] },
  {
    id: 'finance.accounting.bookkeeping',
    label: 'Tenue de la comptabilité',
    level: 3,
    parentId: 'finance.accounting',
    modalities: ['SKILLS'],
  },
  { id: 'logistics', label: 'Logistique', level: 1, parentId: null, modalities: ['SKILLS', 'IN_KIND'] },
  {
    id: 'logistics.storage',
    label: 'Stockage et entrepôt',
    level: 2,
    parentId: 'logistics',
    modalities: ['PREMISES'],
  },
];

function Needs({ onChange, initial = [] }: { onChange: (v: NeedRow[]) => void; initial?: NeedRow[] }) {
  const [value, setValue] = useState<NeedRow[]>(initial);
  return (
    <CompetencePicker
      mode="needs"
      label="Ajouter un besoin"
      competences={competences}
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

describe('CompetencePicker', () => {
  it('builds the taxonomy tree from the flat list (parents first)', () => {
    const tree = competenceTree(competences);
    expect(tree.map((n) => n.value)).toEqual(['finance', 'logistics']);
    expect(tree[0].children![0].children![0].value).toBe('finance.accounting.bookkeeping');
  });

  it('finds a competence by search, accents and case ignored, and adds it as a need', async () => {
    const onChange = vi.fn();
    renderWithProviders(<Needs onChange={onChange} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Ajouter un besoin' }), 'COMPTABILITE');
    await user.click(await screen.findByRole('option', { name: 'Comptabilité' }));
    expect(onChange).toHaveBeenLastCalledWith([{ competenceId: 'finance.accounting', priority: 2 }]);
    // Shown with its place in the tree.
    expect(screen.getByRole('listitem')).toHaveTextContent('Finance et comptabilité › Comptabilité');
  });

  it('sets the priority of a need and removes it', async () => {
    const onChange = vi.fn();
    renderWithProviders(
      <Needs onChange={onChange} initial={[{ competenceId: 'logistics.storage', priority: 2 }]} />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Priorité de « Stockage et entrepôt »' }));
    await user.click(await screen.findByRole('option', { name: 'Vital' }));
    expect(onChange).toHaveBeenLastCalledWith([{ competenceId: 'logistics.storage', priority: 3 }]);
    await user.click(screen.getByRole('button', { name: 'Retirer « Stockage et entrepôt »' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByText('Aucune pour l’instant.')).toBeInTheDocument();
  });

  it('offers use the modalities the taxonomy allows for the competence', async () => {
    const onChange = vi.fn();
    function Offers() {
      const [value, setValue] = useState<OfferRow[]>([]);
      return (
        <CompetencePicker
          mode="offers"
          label="Ajouter une offre"
          competences={competences}
          value={value}
          onChange={(v) => {
            setValue(v);
            onChange(v);
          }}
        />
      );
    }
    renderWithProviders(<Offers />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Ajouter une offre' }), 'stockage');
    await user.click(await screen.findByRole('option', { name: 'Stockage et entrepôt' }));
    expect(onChange).toHaveBeenLastCalledWith([
      { competenceId: 'logistics.storage', modality: 'PREMISES', level: 2 },
    ]);
    await user.click(screen.getByRole('combobox', { name: 'Forme de l’offre « Stockage et entrepôt »' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Locaux']);
  });
});
