import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormButtons } from '../../components/FormButtons';
import { OptionSelect } from '../../components/OptionSelect';
import { RefPicker, RefsPicker, TerritoriesPicker, TerritoryPicker } from '../../components/pickers';
import { ApiError, call } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useThemes } from '../../lib/themes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { type FieldDef, type ResourceConfig, resourceBySlug } from './resources';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ErrorAlert } from '../../components/ErrorAlert';

type Row = Record<string, string>;
type Value = string | boolean | string[] | Row[];
type Values = Record<string, Value>;
import { type AnyRecord, type CreateInput, routesOf } from './directory-api';

export function FormPage() {
  const { slug, id } = useParams();
  const cfg = resourceBySlug(slug);
  if (!cfg) return <NotFoundPage />;
  return id ? <EditForm key={id} cfg={cfg} id={id} /> : <ResourceForm key={cfg.slug} cfg={cfg} />;
}

function EditForm({ cfg, id }: { cfg: ResourceConfig; id: string }) {
  const { me } = useSession();
  const { data, error } = useCall(routesOf(cfg.api).get, me === undefined ? null : { params: { id } });
  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ErrorAlert title="Cette fiche n’a pas pu être chargée" error={error} />;
  if (!data) return <p role="status">Chargement…</p>;
  return <ResourceForm cfg={cfg} record={data} />;
}

const isMulti = (f: FieldDef) => f.kind === 'checkboxes' || f.kind === 'themes' || f.kind === 'refs' || f.kind === 'territories';

/** The form's values from a stored record (or empty for a new one). */
function initialValues(fields: FieldDef[], record?: AnyRecord): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = record?.[f.name];
    if (f.kind === 'checkbox') out[f.name] = v === true;
    else if (f.kind === 'rows') out[f.name] = record && f.rowsOf ? f.rowsOf(record) : [];
    else if (f.idsOf) out[f.name] = record ? f.idsOf(record) : [];
    else if (f.kind === 'territories') out[f.name] = ((v as Array<{ kind: string; code: string }> | undefined) ?? []).map((t) => `${t.kind}:${t.code}`);
    else if (isMulti(f)) out[f.name] = (v as string[] | undefined) ?? [];
    else out[f.name] = v == null ? '' : String(v);
  }
  return out;
}

/** The API body: numbers parsed (left as typed when not numbers, for the API to say so), empties per field. */
function toBody(fields: FieldDef[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'rows') {
      body[f.name] = (v as Row[]).map((row) => toBody(f.columns ?? [], row));
      continue;
    }
    if (typeof v !== 'string') {
      body[f.name] = v;
      continue;
    }
    const text = f.kind === 'textarea' ? v : v.trim();
    if (text === '') {
      const empty = f.emptyAs ?? (f.kind === 'textarea' ? '' : 'null');
      if (empty !== 'omit') body[f.name] = empty === 'null' ? null : '';
    } else if (f.kind === 'number') {
      const n = Number(text.replace(/\s/g, '').replace(',', '.'));
      body[f.name] = Number.isFinite(n) ? n : text;
    } else body[f.name] = text;
  }
  return body;
}

function ResourceForm({ cfg, record }: { cfg: ResourceConfig; record?: AnyRecord }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const editing = Boolean(record);
  const title = editing && record ? `Modifier «\u202F${cfg.titleOf(record)}\u202F»` : cfg.newLabel;
  useTitle(title);
  const [values, setValues] = useState<Values>(() => initialValues(cfg.fields, record));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (name: string, v: Value) => setValues((s) => ({ ...s, [name]: v }));

  if (me === null) {
    return (
      <Alert
        severity="info"
        title="Connexion requise"
        description={
          <>
            <Link to={`/connexion?retour=${encodeURIComponent(window.location.pathname)}`}>Connectez-vous</Link> pour créer ou modifier une fiche.
          </>
        }
      />
    );
  }
  const allowed = editing ? record?.actions?.includes('update') : me?.creatable.includes(cfg.api);
  if (me && !allowed)
    return (
      <Alert
        severity="warning"
        title="Action non autorisée"
        description={`Votre rôle ne permet pas ${editing ? 'de modifier cette fiche' : `de créer ${cfg.one}`}.`}
      />
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setGeneral(undefined);
    try {
      // Built from the fields, whose names the resource's creation schema types; the API checks the values.
      const body = toBody(cfg.fields, values) as CreateInput<typeof cfg.api>;
      const routes = routesOf(cfg.api);
      const saved = record ? await call(routes.update, { params: { id: record.id }, body }) : await call(routes.create, { body });
      navigate(`/${cfg.slug}/${saved.id}`, { state: { saved: true } });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : undefined;
      const byField = apiError?.fieldErrors() ?? {};
      const known = Object.fromEntries(Object.entries(byField).filter(([k]) => cfg.fields.some((f) => f.name === k)));
      setErrors(known);
      const others = Object.entries(byField).filter(([k]) => !(k in known));
      setGeneral(`${apiError?.message ?? String(err)}${others.length ? ` ${others.map(([k, m]) => `${k} : ${m}`).join(' ; ')}` : ''}`);
      setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel={editing ? 'Modifier' : cfg.newLabel}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: cfg.title, linkProps: { to: `/${cfg.slug}` } },
          ...(record ? [{ label: cfg.titleOf(record), linkProps: { to: `/${cfg.slug}/${record.id}` } }] : []),
        ]}
      />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <div ref={summaryRef} tabIndex={-1}>
        {general && (
          <Alert
            severity="error"
            title="La fiche n’est pas enregistrée"
            className="fr-mb-3w"
            description={
              <>
                {general}
                {Object.keys(errors).length > 0 && (
                  <ul>
                    {Object.entries(errors).map(([name, message]) => (
                      <li key={name}>
                        <a href={`#champ-${name}`}>
                          {cfg.fields.find((f) => f.name === name)?.label} : {message}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            }
          />
        )}
      </div>
      <form onSubmit={onSubmit} noValidate className="fr-col-12 fr-col-md-8">
        {cfg.fields.map((f) => (
          <Field key={f.name} field={f} value={values[f.name] as Value} error={errors[f.name]} onChange={(v) => set(f.name, v)} />
        ))}
        <FormButtons submit="Enregistrer" busy={saving} cancelTo={record ? `/${cfg.slug}/${record.id}` : `/${cfg.slug}`} />
      </form>
    </>
  );
}

function Field({ field: f, value, error, onChange }: { field: FieldDef; value: Value; error?: string | undefined; onChange(v: Value): void }) {
  const themes = useThemes();
  const id = `champ-${f.name}`;
  const label = `${f.label}${f.required ? ' *' : ''}`;
  const state = error ? ('error' as const) : ('default' as const);
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [];
  switch (f.kind) {
    case 'textarea':
      return (
        <Input
          label={label}
          hintText={f.hint}
          textArea
          state={state}
          stateRelatedMessage={error}
          nativeTextAreaProps={{ id, 'aria-invalid': error ? true : undefined, value: text, onChange: (e) => onChange(e.target.value), rows: 5, name: f.name }}
        />
      );
    case 'select':
    case 'theme': {
      const opts = f.kind === 'theme' ? themes.map((t) => ({ value: t.code, label: t.label })) : (f.options ?? []);
      return (
        <OptionSelect
          label={label}
          hint={f.hint}
          state={state}
          stateRelatedMessage={error}
          blank={f.required ? 'Choisir…' : 'Aucun'}
          options={opts}
          nativeSelectProps={{ id, value: text, onChange: (e) => onChange(e.target.value), name: f.name, required: f.required }}
        />
      );
    }
    case 'checkbox':
      return (
        <div className={`fr-checkbox-group fr-mb-3w${error ? ' fr-checkbox-group--error' : ''}`}>
          <input
            type="checkbox"
            id={id}
            name={f.name}
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label className="fr-label" htmlFor={id}>
            {label}
          </label>
          {error && (
            <p className="fr-error-text" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
      );
    case 'checkboxes':
    case 'themes': {
      const opts = f.kind === 'themes' ? themes.map((t) => ({ value: t.code, label: t.label })) : (f.options ?? []);
      return (
        <Checkbox
          id={id}
          legend={label}
          hintText={f.hint}
          orientation={opts.length > 4 ? 'vertical' : 'horizontal'}
          small
          state={state}
          stateRelatedMessage={error}
          options={opts.map((o) => ({
            label: o.label,
            nativeInputProps: {
              name: f.name,
              value: o.value,
              checked: list.includes(o.value),
              onChange: (e) => onChange(e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value)),
            },
          }))}
        />
      );
    }
    case 'commune':
      return (
        <TerritoryPicker
          id={id}
          communeOnly
          label={label}
          hint={f.hint ?? 'Tapez au moins deux lettres, un code postal ou le code INSEE'}
          error={error}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
        />
      );
    case 'territories':
      return <TerritoriesPicker id={id} label={label} hint={f.hint} error={error} values={list} onChange={onChange} />;
    case 'ref':
      return (
        <RefPicker
          id={id}
          resource={f.ref as NonNullable<FieldDef['ref']>}
          label={label}
          hint={f.hint ?? 'Tapez au moins deux lettres'}
          error={error}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
        />
      );
    case 'rows':
      return <RowsField field={f} rows={value as Row[]} error={error} onChange={onChange} />;
    case 'refs':
      return (
        <RefsPicker
          id={id}
          resource={f.ref as NonNullable<FieldDef['ref']>}
          label={label}
          hint={f.hint ?? 'Tapez au moins deux lettres'}
          error={error}
          values={list}
          onChange={onChange}
        />
      );
    default:
      return (
        <Input
          label={label}
          hintText={f.hint}
          state={state}
          stateRelatedMessage={error}
          nativeInputProps={{
            id,
            'aria-invalid': error ? true : undefined,
            type: f.kind === 'number' ? 'text' : f.kind,
            inputMode: f.kind === 'number' ? 'numeric' : undefined,
            value: text,
            onChange: (e) => onChange(e.target.value),
            name: f.name,
            required: f.required,
            'aria-required': f.required,
          }}
        />
      );
  }
}

/** A list of small records (a Pionnier's yearly beneficiaries, a programme's members and their role). */
function RowsField({ field: f, rows, error, onChange }: { field: FieldDef; rows: Row[]; error?: string | undefined; onChange(v: Row[]): void }) {
  const columns = f.columns ?? [];
  const id = `champ-${f.name}`;
  const empty = () => Object.fromEntries(columns.map((c) => [c.name, ''])) as Row;
  return (
    <fieldset className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="fr-fieldset__legend">{f.label}</legend>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <div key={i} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          {columns.map((c) => (
            <div key={c.name} className="fr-col">
              <Field
                field={{ ...c, label: `${c.label} (ligne ${i + 1})`, name: `${f.name}-${i}-${c.name}` }}
                value={row[c.name] ?? ''}
                onChange={(v) => onChange(rows.map((r, j) => (j === i ? { ...r, [c.name]: String(v) } : r)))}
              />
            </div>
          ))}
          <div className="fr-col-auto fr-mb-3w">
            <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Retirer<span className="fr-sr-only"> la ligne {i + 1}</span>
            </Button>
          </div>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => onChange([...rows, empty()])}>
          Ajouter une ligne
        </Button>
      </div>
      {error && (
        <p className="fr-error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
