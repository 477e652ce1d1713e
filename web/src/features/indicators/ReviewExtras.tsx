import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { reportRoutes } from '../../../../shared/routes/reports.routes';
import type { AnnualReviewContent } from '../../../../shared/schemas/annual-review';
import { typo } from '../../../../shared/text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FranceSvg } from '../../components/FranceSvg';
import { urlOf } from '../../../../shared/routes/contract';
import { ApiError, call } from '../../lib/api';
import { plural } from '../../lib/format';

type Content = AnnualReviewContent;

/** A section's featured examples and published testimonials. */
export function SectionStories({ content, programme }: { content: Content; programme: string }) {
  const examples = content.examples.filter((e) => e.programme === programme);
  const quotes = content.testimonials.filter((t) => t.programme === programme);
  if (!examples.length && !quotes.length) return null;
  return (
    <>
      {examples.length > 0 && (
        <>
          <h3 className="fr-h5 fr-mt-4w">Exemples</h3>
          <ul className="fr-raw-list">
            {examples.map((e) => (
              <li key={e.id} className="fr-mb-2w">
                <p className="fr-text--bold fr-mb-0">
                  {e.title}
                  {e.place ? ` (${e.place})` : ''}
                </p>
                <p className="fr-mb-0">{e.summary}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {quotes.map((t) => (
        <figure key={t.id} className="fr-quote fr-my-2w">
          <blockquote>
            <p>{`«\u202F${t.quote}\u202F»`}</p>
          </blockquote>
          <figcaption>
            <p className="fr-quote__author">{t.authorName}</p>
            <ul className="fr-quote__source">
              {[t.authorRole, t.organisationName ?? t.projectTitle ?? t.collectiveName].filter(Boolean).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </figcaption>
        </figure>
      ))}
    </>
  );
}

const SHADES = ['#e5e5e5', '#cacafb', '#8585f6', '#3d3dd6', '#000091'];
const shade = (n: number) => SHADES[n === 0 ? 0 : n === 1 ? 1 : n < 5 ? 2 : n < 20 ? 3 : 4] as string;

/** The map of collectives and projects of the year, and the same figures as a list (what the map shows, readable without it). */
export function ReviewMap({ content }: { content: Content }) {
  const byCode = new Map(content.map.map((a) => [a.code, a]));
  const seats = content.map.filter((a) => a.collectives > 0);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-7 essaim-map">
        <FranceSvg
          title={`Projets et collectifs par département, ${content.year}`}
          area={(code) => {
            const a = byCode.get(code);
            return {
              fill: shade(a?.projects ?? 0),
              label: a ? `${a.name} : ${plural(a.projects, 'projet')}, ${plural(a.collectives, 'collectif')}` : `${code} : aucun projet`,
            };
          }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-5">
        <p className="fr-text--sm">Teinte&#8239;: nombre de projets territoriaux à impact du département à la fin de l’année.</p>
        <h3 className="fr-h6">{typo(`Départements siège d’un collectif (${seats.length})`)}</h3>
        <ul className="fr-text--sm">
          {seats.map((a) => (
            <li key={a.code}>
              {a.name} ({a.code}) : {plural(a.collectives, 'collectif')}, {plural(a.projects, 'projet')}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The perspectives for the next year; the national team writes them here. */
export function Perspectives({ content, editable, onSaved }: { content: Content; editable: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(content.perspectives ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const paragraphs = (content.perspectives ?? '').split(/\n\s*\n/).filter((p) => p.trim());
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(reportRoutes.writePerspectives, { params: { year: content.year }, body: { body } });
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  };
  if (editing)
    return (
      <form onSubmit={save}>
        {error && <ErrorAlert title="Les perspectives n’ont pas été enregistrées" error={error} />}
        <Input
          label={`Perspectives ${content.year + 1}`}
          hintText="Séparez les paragraphes par une ligne vide."
          textArea
          nativeTextAreaProps={{ value: body, onChange: (e) => setBody(e.target.value), rows: 10 }}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" disabled={busy}>
              {busy ? 'Enregistrement…' : 'Enregistrer les perspectives'}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={() => setEditing(false)}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    );
  return (
    <>
      {paragraphs.length ? (
        paragraphs.map((p) => <p key={p}>{p.trim()}</p>)
      ) : (
        <p>L’équipe nationale n’a pas encore rédigé les perspectives de l’année suivante.</p>
      )}
      {editable && (
        <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
          Modifier les perspectives
        </Button>
      )}
    </>
  );
}

/**
 * The PDF: the server makes it in the background (202 and Retry-After
 * meanwhile), so the button asks until it is ready, then saves it.
 */
export function PdfDownload({ year }: { year: number }) {
  const [state, setState] = useState<'idle' | 'making' | 'error'>('idle');
  const url = urlOf(reportRoutes.annualPdf, { params: { year } });
  const download = async () => {
    setState('making');
    try {
      for (let i = 0; i < 120; i++) {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (res.status === 200) {
          const href = URL.createObjectURL(await res.blob());
          const a = document.createElement('a');
          a.href = href;
          a.download = `rapport-annuel-${year}.pdf`;
          a.click();
          URL.revokeObjectURL(href);
          setState('idle');
          return;
        }
        if (res.status !== 202) throw new Error(String(res.status));
        await new Promise((ok) => setTimeout(ok, 1000 * Number(res.headers.get('retry-after') ?? 2)));
      }
      throw new Error('timeout');
    } catch {
      setState('error');
    }
  };
  return (
    <div className="fr-mb-4w">
      <Button iconId="fr-icon-download-line" onClick={download} disabled={state === 'making'}>
        {`Télécharger le rapport ${year} en PDF`}
      </Button>{' '}
      <a className="fr-link fr-text--sm" href={url}>
        Lien direct vers le PDF
      </a>
      <p role="status" className="fr-text--sm fr-mt-1w">
        {state === 'making' ? 'Fabrication du PDF en cours, il se télécharge dès qu’il est prêt…' : ''}
        {state === 'error' ? typo('Le PDF n’a pas pu être fabriqué\u202F: réessayez dans un instant.') : ''}
      </p>
    </div>
  );
}
