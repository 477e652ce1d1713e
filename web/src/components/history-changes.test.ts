import { describe, expect, it } from 'vitest';
import { changesOf } from './history-changes';

const fields = [
  { name: 'title', label: 'Titre' },
  {
    name: 'stage',
    label: 'Étape',
    options: [
      { value: 'idea', label: 'Idée' },
      { value: 'development', label: 'Développement' },
    ],
  },
  { name: 'collectiveId', label: 'Collectif' },
  { name: 'themes', label: 'Thématiques' },
  { name: 'fundingNeedEur', label: 'Besoin de financement (€)' },
];

describe('a record’s history in French', () => {
  it('names each changed field by its label and reads its values before → after', () => {
    const before = {
      id: 'p',
      title: 'Atelier',
      stage: 'idea',
      collectiveId: 'c1',
      collectiveName: 'Collectif Figeac',
      themes: ['mobilite'],
      fundingNeedEur: null,
      updatedAt: '2026-01-01',
      departementCode: '46',
    };
    const after = {
      id: 'p',
      title: 'Atelier vélo',
      stage: 'development',
      collectiveId: 'c2',
      collectiveName: 'Collectif Chambéry',
      themes: ['mobilite', 'sport'],
      fundingNeedEur: 5000,
      updatedAt: '2026-02-01',
      departementCode: '73',
    };
    expect(changesOf(before, after, fields, { mobilite: 'Mobilité', sport: 'Sport et inclusion' })).toEqual([
      { label: 'Titre', before: 'Atelier', after: 'Atelier vélo' },
      { label: 'Étape', before: 'Idée', after: 'Développement' },
      { label: 'Collectif', before: 'Collectif Figeac', after: 'Collectif Chambéry' },
      { label: 'Thématiques', before: 'Mobilité', after: 'Mobilité, Sport et inclusion' },
      { label: 'Besoin de financement (€)', before: '(vide)', after: '5\u202f000' },
    ]);
  });

  it('shows nothing for a write that changed no field a person edits', () => {
    expect(changesOf({ title: 'A', updatedAt: '1' }, { title: 'A', updatedAt: '2' }, fields)).toEqual([]);
  });
});
